using System.Diagnostics;
using System.Text.Json;
using NewsBrief.Summariser.Extractive;

namespace NewsBrief.Benchmarks.Rouge;

/// <summary>
/// ROUGE of the extractive engine against Lead-N and plain TextRank (and any published systems in the
/// file), plus its speed per article and for one brief-sized run of 500 articles.
/// </summary>
public sealed class RougeBenchmark : IBenchmark
{
    public string Name => "rouge";

    public string Description =>
        "ROUGE R1/R2/RLsum of the extractive engine vs Lead-N and TextRank: [--input FILE] [--sentences N | --ratio R] [--limit N] [--out FILE] [--weights c,p,decay,t,lambda] [--outlet-bonus B] [--multi-outlet (the AllSides stories only)]; no --input runs the BBC (40%) and CNN/DM (3) sets and the multi-outlet AllSides stories";

    public async Task<int> RunAsync(string[] args)
    {
        RougeRunOptions options;
        try
        {
            options = RougeRunOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"rouge: {e.Message}");
            return 2;
        }
        if (options.Input is not null)
        {
            Run(options.Input, options.Sentences, options.Ratio, options.Limit, options.Out, options.Engine);
            return 0;
        }
        var data = DataFolder.Find();
        if (data is null)
        {
            await Console.Error.WriteLineAsync("rouge: no --input given and ../shared/data is absent");
            return 2;
        }
        if (!options.MultiOutletOnly)
        {
            Run(Path.Combine(data, "summarisation", "bbc-news-summary", "train.jsonl"), null, options.Ratio ?? 0.4, options.Limit, null, options.Engine);
            Run(Path.Combine(data, "summarisation", "cnndm-sample", "dev.jsonl"), options.Sentences ?? 3, null, options.Limit, null, options.Engine);
        }
        var stories = AllSidesStory.Load(data);
        Console.WriteLine($"\n## clustering/allsides: {stories.Count} stories of 2-3 outlets against the roundup's first paragraph, 4-5 sentences\n");
        MultiOutletEvaluation.Run(stories, options.Engine).Print();
        Console.WriteLine($"\n## clustering/allsides: the same stories, 3 sentences each\n");
        MultiOutletEvaluation.Run(stories, options.Engine, 3).Print();
        return 0;
    }

    private static void Run(string input, int? sentences, double? ratio, int? limit, string? outPath, ExtractiveOptions engineOptions)
    {
        var items = RougeItem.Load(input, limit);
        var engine = new ExtractiveSummariser(engineOptions);
        var budget = ratio is { } r ? $"{r:P0} of sentences" : $"{sentences ?? 3} sentences";
        Console.WriteLine($"\n## {Path.GetFileName(Path.GetDirectoryName(input))}/{Path.GetFileName(input)}: {items.Count} articles, {budget}\n");

        var ours = new RougeTally("extractive (ours)");
        var lead = new RougeTally(ratio is null ? $"Lead-{sentences ?? 3}" : $"Lead {ratio:P0}");
        var textRank = new RougeTally("TextRank (plain)");
        var systems = new SortedDictionary<string, RougeTally>(StringComparer.Ordinal);
        using var output = outPath is null ? null : new StreamWriter(outPath);
        var engineTime = TimeSpan.Zero;
        foreach (var item in items)
        {
            var doc = new SummaryDocument(0, item.Title, item.Article);
            var split = SentenceSplitter.Split(item.Article);
            var count = ratio is { } share ? ExtractiveSummariser.SentenceCount(split.Count, share) : sentences ?? 3;
            var watch = Stopwatch.StartNew();
            var picked = ratio is { } q ? engine.SummariseRatio([doc], q) : engine.Summarise([doc], count);
            engineTime += watch.Elapsed;
            var summary = string.Join('\n', picked.Select(p => p.Text));
            ours.Add(item.Reference, summary);
            lead.Add(item.Reference, string.Join('\n', split.Take(count)));
            textRank.Add(item.Reference, string.Join('\n', TextRankBaseline.Summarise(split, count)));
            foreach (var (name, text) in item.Systems)
            {
                if (!systems.TryGetValue(name, out var tally)) systems[name] = tally = new RougeTally($"published: {name}");
                tally.Add(item.Reference, text);
            }
            output?.WriteLine(JsonSerializer.Serialize(new { id = item.Id, summary }));
        }
        RougeTally.Print([ours, lead, textRank, .. systems.Values]);
        Console.WriteLine($"\nextractive engine: {engineTime.TotalMilliseconds / Math.Max(items.Count, 1):F2} ms per article (single-article stories)");
        // The multi-outlet pick beside the earlier one (across articles by score alone), story by story in turn so that
        // the machine's load falls on both alike.
        var before = new ExtractiveSummariser(engineOptions with { MultiOutlet = false });
        var (brief, briefBefore) = BriefRuns(engine, before, items, 50, 10);
        Console.WriteLine($"brief-sized run (50 stories x 10 articles, 5 sentences each): {brief:F0} ms; before (across articles) {briefBefore:F0} ms");
        // Scaling: the same 5,000 articles as many small stories or few large ones (the engine alone).
        var (small, smallBefore) = BriefRuns(engine, before, items, 500, 10);
        var (large, largeBefore) = BriefRuns(engine, before, items, 50, 100);
        Console.WriteLine($"5,000 articles: 500 stories x 10 in {small:F0} ms, 50 stories x 100 in {large:F0} ms ({large / Math.Max(small, 1):F2}x); "
            + $"before (across articles): {smallBefore:F0} ms, {largeBefore:F0} ms ({largeBefore / Math.Max(smallBefore, 1):F2}x)");
    }

    /// <summary>Milliseconds each engine spends on the same stories, the two taking turns story by story, each first on every other one.</summary>
    private static (double First, double Second) BriefRuns(ExtractiveSummariser first, ExtractiveSummariser second, List<RougeItem> items, int storyCount, int storySize)
    {
        if (items.Count == 0) return (0, 0);
        var stories = Enumerable.Range(0, storyCount)
            .Select(s => Enumerable.Range(0, storySize).Select(a => items[(s * storySize + a) % items.Count])
                .Select((it, a) => new SummaryDocument(a, it.Title, it.Article)).ToList())
            .ToList();
        first.Summarise(stories[0], 5); // warm-up: JIT and regex construction are not the engine's steady cost
        second.Summarise(stories[0], 5);
        var (firstTime, secondTime) = (TimeSpan.Zero, TimeSpan.Zero);
        for (var i = 0; i < stories.Count; i++)
        {
            // Each goes first on every other story, so neither always pays for the other's garbage.
            if (i % 2 == 0)
            {
                firstTime += Time(first, stories[i]);
                secondTime += Time(second, stories[i]);
            }
            else
            {
                secondTime += Time(second, stories[i]);
                firstTime += Time(first, stories[i]);
            }
        }
        return (firstTime.TotalMilliseconds, secondTime.TotalMilliseconds);

        static TimeSpan Time(ExtractiveSummariser engine, List<SummaryDocument> story)
        {
            var watch = Stopwatch.StartNew();
            engine.Summarise(story, 5);
            return watch.Elapsed;
        }
    }
}
