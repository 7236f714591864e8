using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using NewsBrief.Summariser.Budget;
using NewsBrief.Summariser.Extractive;
using NewsBrief.Summariser.Grounding;

namespace NewsBrief.Benchmarks;

/// <summary>
/// The citation checker on BBC News reference summaries (extracts, so faithful by construction): how many faithful
/// sentences it wrongly drops or marks, how many sentences with one number altered it catches, and how fast the
/// checker, the token counter and the budget trimmer run.
/// </summary>
public sealed partial class GroundingBenchmark : IBenchmark
{
    public string Name => "grounding";
    public string Description => "citation checker false drops / caught altered numbers on BBC references; token counting and trimming speed. Args: [articles=400]";

    public async Task<int> RunAsync(string[] args)
    {
        var limit = args.Length > 0 ? int.Parse(args[0]) : 400;
        var items = await LoadAsync(Path.Combine(DataFolder.Require(), "summarisation", "bbc-news-summary", "train.jsonl"), limit);
        var check = Stopwatch.StartNew();
        var (faithful, falseDrops, marks, altered, caught) = Measure(items);
        check.Stop();

        TokenCounter.Count("warm up: the vocabulary loads once");
        var counting = Stopwatch.StartNew();
        long tokens = items.Sum(i => (long)TokenCounter.Count(i.Article));
        counting.Stop();
        var trimmer = new StoryTrimmer();
        var trimming = Stopwatch.StartNew();
        foreach (var batch in items.Chunk(3))
            trimmer.Trim(batch.Select((b, i) => new SummaryDocument(i, b.Title, b.Article)).ToList(), 600);
        trimming.Stop();

        Console.WriteLine($"| BBC articles | faithful sentences | wrongly dropped | marked | altered-number sentences | caught |");
        Console.WriteLine($"|---|---|---|---|---|---|");
        Console.WriteLine($"| {items.Count} | {faithful} | {falseDrops} ({Pct(falseDrops, faithful)}) | {marks} ({Pct(marks, faithful)}) | {altered} | {caught} ({Pct(caught, altered)}) |");
        Console.WriteLine();
        Console.WriteLine($"| step | time | rate |");
        Console.WriteLine($"|---|---|---|");
        Console.WriteLine($"| check (both passes) | {check.ElapsedMilliseconds} ms | {items.Count * 1000.0 / Math.Max(1, check.ElapsedMilliseconds):0} articles/s |");
        Console.WriteLine($"| o200k token count | {counting.ElapsedMilliseconds} ms | {tokens * 1000.0 / Math.Max(1, counting.ElapsedMilliseconds):0} tokens/s |");
        Console.WriteLine($"| trim 3-article stories to 600 tokens | {trimming.ElapsedMilliseconds} ms | {items.Count / 3 * 1000.0 / Math.Max(1, trimming.ElapsedMilliseconds):0} stories/s |");
        return 0;
    }

    /// <summary>The first <paramref name="limit"/> BBC items: title, article and the raw reference summary.</summary>
    public static async Task<List<(string Title, string Article, string Summary)>> LoadAsync(string path, int limit)
    {
        var items = new List<(string Title, string Article, string Summary)>();
        foreach (var line in (await File.ReadAllLinesAsync(path)).Take(limit))
        {
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            items.Add((r.GetProperty("title").GetString()!, r.GetProperty("article").GetString()!, r.GetProperty("reference_raw").GetString()!));
        }
        return items;
    }

    /// <summary>
    /// Checks every reference sentence against its own article (faithful: none should be dropped), then each
    /// sentence with its first number altered (n*7+3: each should be dropped). Also used by the quality tests.
    /// </summary>
    public static GroundingFigures Measure(IEnumerable<(string Title, string Article, string Summary)> items)
    {
        int faithful = 0, falseDrops = 0, marks = 0, altered = 0, caught = 0;
        foreach (var (title, article, summary) in items)
        {
            var sources = new List<CitedSource> { new(1, 1, title, article, null) };
            var sentences = SummarySentence().Split(summary).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
            var result = CitationChecker.Check(new DraftSummary(title, sentences.Select(s => new DraftSentence(s, [1])).ToList()), sources);
            faithful += result.Checked;
            falseDrops += result.Dropped;
            marks += result.Marked;

            var withNumbers = sentences.Where(s => FirstNumber().IsMatch(s)).ToList();
            var wrong = withNumbers.Select(s => FirstNumber().Replace(s, m => (long.Parse(m.Value) * 7 + 3).ToString(), 1)).ToList();
            var wrongResult = CitationChecker.Check(new DraftSummary(title, wrong.Select(s => new DraftSentence(s, [1])).ToList()), sources);
            altered += wrongResult.Checked;
            caught += wrongResult.Dropped;
        }
        return new GroundingFigures(faithful, falseDrops, marks, altered, caught);
    }

    private static string Pct(int part, int whole) => whole == 0 ? "-" : $"{100.0 * part / whole:0.0}%";

    // BBC reference summaries often join sentences without a space ("year-earlier.The firm")
    [GeneratedRegex(@"(?<=[.!?])\s*(?=[A-Z""])")]
    private static partial Regex SummarySentence();

    [GeneratedRegex(@"\d+")]
    private static partial Regex FirstNumber();
}

/// <summary>What <see cref="GroundingBenchmark.Measure"/> counted.</summary>
public sealed record GroundingFigures(int Faithful, int FalseDrops, int Marks, int Altered, int Caught);
