using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using NewsBrief.Summariser.Events;
using NewsBrief.Summariser.Evaluation;
using NewsBrief.Summariser.Extractive;

namespace NewsBrief.Benchmarks;

/// <summary>
/// Event extraction on the project's labelled sentences (<c>tests/NewsBrief.Tests/Fixtures/events</c>): precision,
/// recall, exact date and precision, participants and place, for the tuning part and the held-out part apart,
/// and the extractor's speed over every BBC and CNN/DM article.
/// </summary>
public sealed class EventBenchmark : IBenchmark
{
    public string Name => "events";
    public string Description => "event extraction precision/recall/date exactness on the labelled sentences (dev and held-out), speed on the summarisation sets. Args: [--errors] (lists the tuning part's errors), [--sample N] (events found in about N unlabelled articles), [--explain SENTENCE YYYY-MM-DD]";

    public async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 3 && args[0] == "--explain")
        {
            var day = DateOnly.Parse(args[2], CultureInfo.InvariantCulture);
            foreach (var d in DateExpressions.Find(args[1], day)) Console.WriteLine($"date: {d}");
            foreach (var m in SentenceTense.Marks(args[1])) Console.WriteLine($"mark: {m} '{args[1][m.Start..m.End]}'");
            Console.WriteLine($"event: {EventExtractor.FromSentence(args[1], day)}");
            return 0;
        }
        var rows = EventLabelledSet.Load(EventLabelledSet.PathIn(RepoFolder()));
        Console.WriteLine($"labelled sentences: {rows.Count} ({rows.Count(r => r.Event)} events)");
        Console.WriteLine();
        Console.WriteLine("| part | sentences | events | found | true pos | precision | recall | date exact | participants | place |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var part in new[] { "dev", "heldout", "all" })
        {
            var chosen = rows.Where(r => part == "all" || r.Split == part).ToList();
            var s = EventLabelledSet.Score(chosen);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {part} | {chosen.Count} | {s.Events} | {s.Found} | {s.TruePositives} | {s.Precision:0.000} | {s.Recall:0.000} | {s.DateExact:0.000} | {s.ParticipantRecall:0.000} | {s.PlaceExact:0.000} |"));
        }
        Console.WriteLine();
        Console.WriteLine("precision = true events found / sentences found; recall = true events found / events; date exact = found true events with the labelled date and precision / true events found;");
        Console.WriteLine("participants = labelled participants named among those found (true events found); place = labelled place (or none) found exactly.");
        if (args.Contains("--errors"))
            foreach (var r in rows.Where(r => r.Split == "dev")) // never the held-out part: it is not tuned on
            {
                var e = EventExtractor.FromSentence(r.Text, r.Published);
                var ok = r.Event == (e is not null) && (e is null || (e.Date == r.Date && e.Precision == r.Precision));
                if (!ok) Console.WriteLine($"\n#{r.Id} [{r.Split}] {r.Published:yyyy-MM-dd} expected {(r.Event ? $"{r.Date:yyyy-MM-dd} {r.Precision}" : "none")}, got {(e is null ? "none" : $"{e.Date:yyyy-MM-dd} {e.Precision} ('{e.DateText}')")}\n  {r.Text}");
            }

        var data = DataFolder.Find();
        if (data is null)
        {
            Console.WriteLine("\n../shared/data not found: speed over the summarisation sets skipped");
            return 0;
        }
        var texts = new List<string>();
        foreach (var file in new[] { "summarisation/bbc-news-summary/train.jsonl", "summarisation/cnndm-sample/dev.jsonl" })
            foreach (var line in await File.ReadAllLinesAsync(Path.Combine(data, file)))
            {
                using var doc = JsonDocument.Parse(line);
                texts.Add(doc.RootElement.GetProperty("article").GetString()!);
            }
        // The BBC and CNN/DM sets carry no publication dates: one fixed date stands in, for speed only.
        var published = new DateTimeOffset(2005, 3, 1, 12, 0, 0, TimeSpan.Zero);
        if (args is ["--sample", var count])
        {
            // Events found in unlabelled text, to look for kinds of error outside the labelled set (never the held-out part).
            var every = Math.Max(1, texts.Count / int.Parse(count, CultureInfo.InvariantCulture));
            for (var i = 0; i < texts.Count; i += every)
                foreach (var e in EventExtractor.Extract(texts[i], published))
                    Console.WriteLine($"\n[{i}] {e.Date:yyyy-MM-dd} {e.Precision} '{e.DateText}'\n  {e.Sentence}");
            return 0;
        }
        var chars = texts.Sum(t => (long)t.Length);
        var split = Stopwatch.StartNew();
        var sentences = texts.Sum(t => SentenceSplitter.Split(t).Count);
        split.Stop();
        var clock = Stopwatch.StartNew();
        var found = texts.Sum(t => EventExtractor.Extract(t, published).Count);
        clock.Stop();
        Console.WriteLine();
        Console.WriteLine("| stage | articles | sentences | MB | events found | seconds | articles/s | MB/s |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| sentence splitter alone | {texts.Count} | {sentences} | {chars / 1e6:0.0} | - | {split.Elapsed.TotalSeconds:0.00} | {texts.Count / split.Elapsed.TotalSeconds:0} | {chars / 1e6 / split.Elapsed.TotalSeconds:0.0} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| event extraction (incl. splitting) | {texts.Count} | {sentences} | {chars / 1e6:0.0} | {found} | {clock.Elapsed.TotalSeconds:0.00} | {texts.Count / clock.Elapsed.TotalSeconds:0} | {chars / 1e6 / clock.Elapsed.TotalSeconds:0.0} |"));
        return 0;
    }

    private static string RepoFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "NewsBrief.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("NewsBrief.sln not found above the benchmark binary");
    }
}
