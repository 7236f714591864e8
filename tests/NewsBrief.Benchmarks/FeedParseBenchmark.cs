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

    public string Description => "FeedParser over every file of shared/data/feeds: MB/s beside CodeHollow.FeedReader and an XmlReader pass, parsed vs failed per folder [--out FILE] [--items FILE] [--rounds N]";

    public Task<int> RunAsync(string[] args)
    {
        var outPath = Option(args, "--out");
        var itemsPath = Option(args, "--items");
        var rounds = int.TryParse(Option(args, "--rounds"), out var r) && r > 0 ? r : 5;
        var root = Path.Combine(DataFolder.Require(), "feeds");
        var files = Inputs(root).Select(p => (Path: Path.GetRelativePath(root, p).Replace('\\', '/'), Bytes: File.ReadAllBytes(p))).ToList();
        var outcomes = new List<(string Path, string Folder, bool Parsed, bool Crashed, int Items, string Text)>();
        foreach (var (path, bytes) in files) outcomes.Add(ParseOne(path, bytes));
        // For comparison: the library alone, on the same decoded text.
        var libraryRead = files.Select(f => LibraryReads(CharsetDecoder.Decode(f.Bytes))).ToList();
        var libraryReads = files.Where((f, i) => libraryRead[i]).Select(f => Path.GetDirectoryName(f.Path)!.Replace('\\', '/')).ToList();
        var both = files.Where((f, i) => libraryRead[i] && outcomes[i].Parsed).Select(f => f.Bytes).ToList();
        var all = files.Select(f => f.Bytes).ToList();
        var bases = files.Select(f => BaseFor(f.Path)).ToList();
        var bothBases = files.Where((f, i) => libraryRead[i] && outcomes[i].Parsed).Select(f => BaseFor(f.Path)).ToList();

        // Timing: decode + parse, each parser once per round, interleaved, so drift hits all alike; medians reported.
        var timings = new Dictionary<string, List<double>>();
        void Time(string name, List<byte[]> set, Func<string, int, int> parse)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < set.Count; i++)
            {
                try { parse(CharsetDecoder.Decode(set[i]), i); }
                catch (Exception) { /* outcomes were counted above */ }
            }
            watch.Stop();
            var mb = set.Sum(b => (long)b.Length) / 1024.0 / 1024.0;
            (timings.TryGetValue(name, out var list) ? list : timings[name] = []).Add(mb / watch.Elapsed.TotalSeconds);
        }
        var totalItems = 0L;
        var ourSeconds = 0.0;
        for (var round = 0; round < rounds; round++)
        {
            Time("ours, both read", both, (t, i) => FeedParser.Parse(t, bothBases[i]).Items.Count);
            Time("CodeHollow, both read", both, (t, _) => CodeHollow.FeedReader.FeedReader.ReadFromString(t).Items.Count);
            Time("XmlReader pass, both read", both, (t, _) => XmlReaderPass(t));
            var watch = Stopwatch.StartNew();
            Time("ours, all files", all, (t, i) => { var n = FeedParser.Parse(t, bases[i]).Items.Count; totalItems += n; return n; });
            ourSeconds += watch.Elapsed.TotalSeconds;
            Time("CodeHollow, all files", all, (t, _) => CodeHollow.FeedReader.FeedReader.ReadFromString(t).Items.Count);
        }

        Console.WriteLine($"feed-parse: {files.Count} files, {all.Sum(b => (long)b.Length) / 1024.0 / 1024.0:0.00} MB; both read: {both.Count} files, {both.Sum(b => (long)b.Length) / 1024.0 / 1024.0:0.00} MB; {rounds} interleaved rounds");
        Console.WriteLine();
        Console.WriteLine($"| {"folder",-40} | files | parsed | failed | crashed | items | CodeHollow alone read |");
        Console.WriteLine($"|{new string('-', 42)}|------:|-------:|-------:|--------:|------:|----------------------:|");
        foreach (var group in outcomes.GroupBy(o => o.Folder).OrderBy(g => g.Key, StringComparer.Ordinal))
            Console.WriteLine($"| {group.Key,-40} | {group.Count(),5} | {group.Count(o => o.Parsed),6} | {group.Count(o => !o.Parsed && !o.Crashed),6} | {group.Count(o => o.Crashed),7} | {group.Sum(o => o.Items),5} | {libraryReads.Count(f => f == group.Key),21} |");
        Console.WriteLine($"| {"TOTAL",-40} | {outcomes.Count,5} | {outcomes.Count(o => o.Parsed),6} | {outcomes.Count(o => !o.Parsed && !o.Crashed),6} | {outcomes.Count(o => o.Crashed),7} | {outcomes.Sum(o => o.Items),5} | {libraryReads.Count,21} |");
        Console.WriteLine();
        double Median(string name) { var v = timings[name].Order().ToList(); return v.Count % 2 == 1 ? v[v.Count / 2] : (v[v.Count / 2 - 1] + v[v.Count / 2]) / 2; }
        var oursBoth = Median("ours, both read");
        var peerBoth = Median("CodeHollow, both read");
        var floorBoth = Median("XmlReader pass, both read");
        var oursAll = Median("ours, all files");
        var peerAll = Median("CodeHollow, all files");
        Console.WriteLine("| files | ours MB/s | CodeHollow.FeedReader MB/s | ours / CodeHollow | XmlReader pass MB/s (floor) | ours / floor |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        Console.WriteLine($"| both read ({both.Count}) | {oursBoth:0.0} | {peerBoth:0.0} | {oursBoth / peerBoth:0.00}x | {floorBoth:0.0} | {oursBoth / floorBoth:0.00}x |");
        Console.WriteLine($"| all ({all.Count}) | {oursAll:0.0} | {peerAll:0.0} | {oursAll / peerAll:0.00}x | – | – |");
        Console.WriteLine();
        Console.WriteLine($"ours over all files: {totalItems / ourSeconds:0} items/s, {files.Count * rounds / ourSeconds:0} files/s (decode + parse; MB/s are medians of {rounds} rounds)");

        if (outPath is not null)
        {
            var lines = outcomes.Select(o => $"{o.Path}\t{(o.Parsed ? "parsed" : o.Crashed ? "CRASHED" : "failed")}\t{o.Text}");
            File.WriteAllLines(outPath, lines, new UTF8Encoding(false));
            Console.WriteLine($"\nper-file outcomes written to {outPath}");
        }
        if (itemsPath is not null)
        {
            File.WriteAllLines(itemsPath, files.Select(f => FeedParseDump.Line(f.Path, CharsetDecoder.Decode(f.Bytes), BaseFor(f.Path))), new UTF8Encoding(false));
            Console.WriteLine($"every parse result, field by field, written to {itemsPath} (compare two runs with diff)");
        }
        return Task.FromResult(outcomes.Any(o => o.Crashed) ? 1 : 0);
    }

    /// <summary>The floor: an XmlReader reading every node and its value, building nothing.</summary>
    private static int XmlReaderPass(string text)
    {
        using var reader = System.Xml.XmlReader.Create(new StringReader(text), new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Ignore, XmlResolver = null, CheckCharacters = false });
        var length = 0;
        while (reader.Read()) length += reader.Value.Length;
        return length;
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
