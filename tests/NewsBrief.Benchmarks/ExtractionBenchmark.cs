using System.Diagnostics;
using System.Text.RegularExpressions;
using NewsBrief.Scrapers.Extraction;
using NewsBrief.Scrapers.Extraction.Evaluation;

namespace NewsBrief.Benchmarks;

/// <summary>Body shingle F1, metadata agreement and speed of our extractor beside SmartReader on aeb, fundus and readability.</summary>
public sealed partial class ExtractionBenchmark : IBenchmark
{
    private static readonly BodyStrategy[] Engines = [BodyStrategy.Own, BodyStrategy.SmartReader, BodyStrategy.Combined];

    public string Name => "extraction";

    public string Description => "article extraction: body F1 per set (ours vs SmartReader), title/author/date agreement, speed beside SmartReader alone and the parse floor [--worst N] [--misses] [--rounds N] [--speed]";

    public Task<int> RunAsync(string[] args)
    {
        var worst = Option(args, "--worst", 0);
        var rounds = Option(args, "--rounds", 5);
        misses = args.Contains("--misses");
        var root = DataFolder.Require();
        var sets = new[] { ExtractionCorpus.Aeb(root).ToList(), ExtractionCorpus.Fundus(root).ToList(), ExtractionCorpus.Readability(root).ToList() };
        if (args.Contains("--speed"))
        {
            ExtractionSpeed.Print(sets, rounds);
            return Task.FromResult(0);
        }

        Console.WriteLine("Body shingle F1 (4-token shingles, macro P/R, F1 of the averages)");
        Console.WriteLine($"{"set",-12} {"pages",5} {"engine",-12} {"P",6} {"R",6} {"F1",6} {"pages/s",8}");
        var results = new Dictionary<(string, BodyStrategy), List<ExtractedArticle>>();
        foreach (var set in sets)
            foreach (var engine in Engines)
            {
                var watch = Stopwatch.StartNew();
                var extracted = set.Select(c => ArticleExtractor.Extract(c.Html, c.Url, engine)).ToList();
                watch.Stop();
                results[(set[0].Set, engine)] = extracted;
                var scores = set.Zip(extracted, (c, e) => ShingleScorer.Score(c.ExpectedBody, e.Text)).ToList();
                var s = ShingleScorer.Summarise(scores);
                Console.WriteLine($"{set[0].Set,-12} {s.Pages,5} {engine,-12} {s.Precision,6:F3} {s.Recall,6:F3} {s.F1,6:F3} {set.Count / watch.Elapsed.TotalSeconds,8:F1}");
                if (worst > 0 && engine == BodyStrategy.Combined)
                    foreach (var (c, sc) in set.Zip(scores).OrderBy(x => x.Second.Precision + x.Second.Recall).Take(worst))
                        Console.WriteLine($"    worst {c.Id}: P {sc.Precision:F2} R {sc.Recall:F2}");
            }

        Console.WriteLine();
        Console.WriteLine("Metadata exact agreement after whitespace normalisation (default engine; metadata does not depend on it)");
        Console.WriteLine("date@instant: same UTC instant to the second; date@day: same calendar day in each value's own offset");
        Console.WriteLine($"{"set",-12} {"field",-14} {"agree",6} {"of",5} {"share",6}");
        foreach (var set in sets.Where(s => s[0].Set != "aeb"))
        {
            var extracted = results[(set[0].Set, BodyStrategy.Combined)];
            Row(set, extracted, "title", c => c.ExpectedTitle, e => e.Title, Same);
            Row(set, extracted, "author", c => c.ExpectedAuthor, e => e.Byline, Same);
            Row(set, extracted, "date@instant", c => c.ExpectedDate, e => e.Published,
                (a, b) => a!.Value.ToUnixTimeSeconds() == b?.ToUnixTimeSeconds());
            Row(set, extracted, "date@day", c => c.ExpectedDate, e => e.Published, (a, b) => b is not null && a!.Value.Date == b.Value.Date);
        }

        Console.WriteLine();
        ExtractionSpeed.Print(sets, rounds);
        return Task.FromResult(0);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var value) ? value : fallback;
    }

    private static bool misses;

    private static void Row<T>(List<ExtractionCase> set, List<ExtractedArticle> extracted, string field,
        Func<ExtractionCase, T?> expected, Func<ExtractedArticle, T?> actual, Func<T?, T?, bool> same)
    {
        var pairs = set.Zip(extracted).Where(p => expected(p.First) is not null).ToList();
        var agree = pairs.Count(p => same(expected(p.First), actual(p.Second)));
        Console.WriteLine($"{set[0].Set,-12} {field,-14} {agree,6} {pairs.Count,5} {(pairs.Count == 0 ? 0 : (double)agree / pairs.Count),6:P0}");
        if (!misses) return;
        foreach (var (c, e) in pairs.Where(p => !same(expected(p.First), actual(p.Second))))
            Console.WriteLine($"    {c.Id}: expected [{expected(c)}] got [{actual(e)}]");
    }

    private static bool Same(string? a, string? b) => Normalise(a) == Normalise(b);

    private static string Normalise(string? s) => s is null ? "" : Spaces().Replace(s, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
