using System.Diagnostics;
using AngleSharp.Html.Parser;
using NewsBrief.Scrapers.Extraction;
using SmartReader;

namespace NewsBrief.Benchmarks;

/// <summary>
/// Pages per second of our extractor beside SmartReader alone and a bare AngleSharp parse (the floor),
/// in interleaved rounds so that machine load hits all three alike; the median round counts.
/// </summary>
public static class ExtractionSpeed
{
    private sealed record Contender(string Name, Action<ExtractionCase> Run);

    public static void Print(IReadOnlyList<List<ExtractionCase>> sets, int rounds)
    {
        Contender[] contenders =
        [
            new("ours (default)", c => ArticleExtractor.Extract(c.Html, c.Url)),
            new("SmartReader alone", c => new Reader(c.Url.ToString(), c.Html).GetArticle()),
            new("AngleSharp parse", c => new HtmlParser().ParseDocument(c.Html)),
        ];
        Console.WriteLine($"Speed: pages/s, median of {rounds} interleaved rounds (one thread; SmartReader itself serialises each page on a pool thread)");
        Console.WriteLine($"{"set",-12} {"pages",5} {"ours",8} {"SmartReader",11} {"parse",8} {"ours/SR",8} {"ours/parse",10}");
        foreach (var set in sets)
        {
            // Warm up with one whole untimed round: with a single page, most of each engine's code was still
            // unoptimised (tier-0 JIT) in the timed rounds, which cost ours, with more code, 0.64x instead of 1.0x on aeb.
            foreach (var c in contenders) foreach (var page in set) c.Run(page);
            var times = contenders.ToDictionary(c => c.Name, _ => new List<double>());
            for (var round = 0; round < rounds; round++)
                foreach (var contender in contenders)
                {
                    var watch = Stopwatch.StartNew();
                    foreach (var page in set) contender.Run(page);
                    times[contender.Name].Add(set.Count / watch.Elapsed.TotalSeconds);
                }
            var ours = Median(times[contenders[0].Name]);
            var smart = Median(times[contenders[1].Name]);
            var parse = Median(times[contenders[2].Name]);
            Console.WriteLine($"{set[0].Set,-12} {set.Count,5} {ours,8:F1} {smart,11:F1} {parse,8:F1} {ours / smart,7:F2}x {ours / parse,9:F2}x");
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
