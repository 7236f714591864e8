using System.Diagnostics;
using System.Globalization;
using System.Text;
using NewsBrief.Scrapers.Fetching;
using NewsBrief.Scrapers.Parsing;

namespace NewsBrief.Benchmarks;

/// <summary>Parses every feed-like file under ../shared/data/feeds: throughput, parsed/failed per folder, and each file's outcome.</summary>
public sealed class FeedParseBenchmark : IBenchmark
{
    private static readonly string[] Extensions = [".xml", ".rss", ".atom", ".rdf", ".json", ".html", ".htm"];

    public string Name => "feed-parse";

    public string Description => "FeedParser over every file of shared/data/feeds: MB/s, items/s, parsed vs failed per folder [--out FILE] [--repeat N]";

    public Task<int> RunAsync(string[] args)
    {
        var outPath = Option(args, "--out");
        var repeat = int.TryParse(Option(args, "--repeat"), out var r) && r > 0 ? r : 3;
        var root = Path.Combine(DataFolder.Require(), "feeds");
        var files = Inputs(root).Select(p => (Path: Path.GetRelativePath(root, p).Replace('\\', '/'), Bytes: File.ReadAllBytes(p))).ToList();
        var outcomes = new List<(string Path, string Folder, bool Parsed, bool Crashed, int Items, string Text)>();
        foreach (var (path, bytes) in files) outcomes.Add(ParseOne(path, bytes));
        // For comparison: the library alone, on the same decoded text.
        var libraryReads = files.Where(f => LibraryReads(CharsetDecoder.Decode(f.Bytes))).Select(f => Path.GetDirectoryName(f.Path)!.Replace('\\', '/')).ToList();

        // Timing pass: decode + parse, repeated, outcomes already known.
        var totalBytes = files.Sum(f => (long)f.Bytes.Length) * repeat;
        var totalItems = 0L;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < repeat; i++)
        {
            foreach (var (path, bytes) in files)
            {
                try { totalItems += FeedParser.Parse(CharsetDecoder.Decode(bytes), BaseFor(path)).Items.Count; }
                catch (Exception) { /* counted in the outcome pass */ }
            }
        }
        watch.Stop();

        Console.WriteLine($"feed-parse: {files.Count} files, {files.Sum(f => (long)f.Bytes.Length) / 1024.0 / 1024.0:0.00} MB, {repeat} timed passes");
        Console.WriteLine();
        Console.WriteLine($"| {"folder",-40} | files | parsed | failed | crashed | items | CodeHollow alone read |");
        Console.WriteLine($"|{new string('-', 42)}|------:|-------:|-------:|--------:|------:|----------------------:|");
        foreach (var group in outcomes.GroupBy(o => o.Folder).OrderBy(g => g.Key, StringComparer.Ordinal))
            Console.WriteLine($"| {group.Key,-40} | {group.Count(),5} | {group.Count(o => o.Parsed),6} | {group.Count(o => !o.Parsed && !o.Crashed),6} | {group.Count(o => o.Crashed),7} | {group.Sum(o => o.Items),5} | {libraryReads.Count(f => f == group.Key),21} |");
        Console.WriteLine($"| {"TOTAL",-40} | {outcomes.Count,5} | {outcomes.Count(o => o.Parsed),6} | {outcomes.Count(o => !o.Parsed && !o.Crashed),6} | {outcomes.Count(o => o.Crashed),7} | {outcomes.Sum(o => o.Items),5} | {libraryReads.Count,21} |");
        Console.WriteLine();
        var seconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine($"| metric | value |\n|---|---:|\n| MB/s (decode + parse) | {totalBytes / 1024.0 / 1024.0 / seconds:0.0} |\n| items/s | {totalItems / seconds:0} |\n| files/s | {files.Count * repeat / seconds:0} |");

        if (outPath is not null)
        {
            var lines = outcomes.Select(o => $"{o.Path}\t{(o.Parsed ? "parsed" : o.Crashed ? "CRASHED" : "failed")}\t{o.Text}");
            File.WriteAllLines(outPath, lines, new UTF8Encoding(false));
            Console.WriteLine($"\nper-file outcomes written to {outPath}");
        }
        return Task.FromResult(outcomes.Any(o => o.Crashed) ? 1 : 0);
    }

    private static (string Path, string Folder, bool Parsed, bool Crashed, int Items, string Text) ParseOne(string path, byte[] bytes)
    {
        var folder = Path.GetDirectoryName(path)!.Replace('\\', '/');
        try
        {
            var feed = FeedParser.Parse(CharsetDecoder.Decode(bytes), BaseFor(path));
            return (path, folder, true, false, feed.Items.Count, $"{feed.Items.Count} items; title: {feed.Title}");
        }
        catch (FeedParseException e)
        {
            return (path, folder, false, false, 0, e.Message.ReplaceLineEndings(" "));
        }
        catch (Exception e)
        {
            return (path, folder, false, true, 0, $"{e.GetType().Name}: {e.Message}".ReplaceLineEndings(" "));
        }
    }

    private static bool LibraryReads(string text)
    {
        try { return CodeHollow.FeedReader.FeedReader.ReadFromString(text).Type != CodeHollow.FeedReader.FeedType.Unknown; }
        catch (Exception) { return false; }
    }

    private static Uri BaseFor(string path) => new("https://feeds.example.test/" + Uri.EscapeDataString(path).Replace("%2F", "/", StringComparison.Ordinal));

    /// <summary>Feed inputs only: the suites' expected-output JSON files beside them are skipped.</summary>
    internal static IEnumerable<string> Inputs(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(p => Extensions.Contains(Path.GetExtension(p).ToLowerInvariant()))
            .Where(p => !IsExpectedOutput(p))
            .OrderBy(p => p, StringComparer.Ordinal);

    private static bool IsExpectedOutput(string path)
    {
        if (!path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) return false;
        var name = Path.GetFileName(path);
        if (name.EndsWith("_expected.json", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".serde.json", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("expected", StringComparison.OrdinalIgnoreCase)) return true;
        if (path.Replace('\\', '/').Contains("/output/", StringComparison.Ordinal)) return true;
        var stem = Path.Combine(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path));
        return Extensions.Where(e => e != ".json").Any(e => File.Exists(stem + e));
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
