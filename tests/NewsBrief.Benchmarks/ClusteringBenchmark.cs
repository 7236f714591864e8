using System.Diagnostics;
using NewsBrief.Scrapers.Dedup;
using NewsBrief.Scrapers.Refresh;

namespace NewsBrief.Benchmarks;

/// <summary>Story clustering on the AllSides stories: pairwise and B-cubed scores across thresholds, then speed.</summary>
public sealed class ClusteringBenchmark : IBenchmark
{
    public string Name => "clustering";

    public string Description => "story clustering: pairwise/B-cubed P/R/F1 on AllSides, thresholds, incremental, lexical vs embeddings, articles/s [--sweep] [--embeddings-sweep [--leads 0,150]] [--ingest lexical|embeddings [--copies N]]";

    public Task<int> RunAsync(string[] args)
    {
        var copies = args.SkipWhile(a => a != "--copies").Skip(1).Select(int.Parse).FirstOrDefault(1);
        if (args.SkipWhile(a => a != "--ingest").Skip(1).FirstOrDefault() is { } mode) return Task.FromResult(ClusteringIngest.Run(mode, copies));
        var root = DataFolder.Require();
        var dated = ClusteringAllSides.Load(root, sameDay: false);
        var sameDay = ClusteringAllSides.Load(root, sameDay: true);
        if (args.Contains("--sweep"))
        {
            ClusteringSweep.Run(dated, sameDay);
            return Task.FromResult(0);
        }
        if (args.Contains("--embeddings-sweep"))
        {
            using var embedder = new SentenceEmbedder();
            int[] leads = args.SkipWhile(a => a != "--leads").Skip(1).Take(1).SelectMany(a => a.Split(',')).Select(int.Parse).DefaultIfEmpty(-1).ToArray();
            ClusteringEmbeddingSweep.Run(dated, sameDay, new ClusteringVectors(embedder), leads[0] < 0 ? [0, 150, 300, 600] : leads);
            return Task.FromResult(0);
        }
        var defaults = new StoryClusterer();
        Console.WriteLine($"AllSides: {dated.Items.Count} articles in {dated.Gold.Distinct().Count()} stories; " +
                          $"defaults: threshold {defaults.Threshold}, window {defaults.Window.TotalDays} d, lead {defaults.LeadWords} words, " +
                          $"title x{defaults.TitleWeight}, entities x{defaults.EntityBoost}, half-life {defaults.HalfLife.TotalDays} d (\"off\": no fading, the peer)");
        Console.WriteLine();
        Console.WriteLine("| times    | mode        | half-life | threshold | pair P | pair R | pair F1 | B3 P  | B3 R  | B3 F1 | clusters |");
        Console.WriteLine("|----------|-------------|-----------|-----------|--------|--------|---------|-------|-------|-------|----------|");
        foreach (var threshold in new[] { 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5 })
        {
            var clusterer = new StoryClusterer { Threshold = threshold };
            var unfaded = new StoryClusterer { Threshold = threshold, HalfLife = NoFading };
            Row("dated", "batch", unfaded, ClusteringScore.Of(unfaded.Cluster(dated.Items), dated.Gold));
            Row("dated", "batch", clusterer, ClusteringScore.Of(clusterer.Cluster(dated.Items), dated.Gold));
            // Everything at one instant: no time to fade over, so the half-life changes nothing here.
            Row("same day", "batch", clusterer, ClusteringScore.Of(clusterer.Cluster(sameDay.Items), sameDay.Gold));
        }
        foreach (var halfLife in new[] { NoFading, defaults.HalfLife })
            foreach (var threshold in new[] { 0.15, 0.2, 0.25, 0.3 })
            {
                var clusterer = new StoryClusterer { Threshold = threshold, HalfLife = halfLife };
                Row("dated", "window", clusterer, ClusteringScore.Of(ClusteringWindow.Run(clusterer, dated.Items), dated.Gold));
                Row("dated", "win shuffle", clusterer, ClusteringScore.Of(ClusteringWindow.Run(clusterer, dated.Items, shuffleSeed: 7), dated.Gold));
                // The worst case for ingest: every story of half a year at one instant, nothing for time to separate.
                if (halfLife != NoFading) Row("same day", "window", clusterer, ClusteringScore.Of(ClusteringWindow.Run(clusterer, sameDay.Items), sameDay.Gold));
            }

        Console.WriteLine();
        Embeddings(dated, sameDay);
        Console.WriteLine();
        ClusteringIngest.Compare(copies);
        Console.WriteLine();
        Console.WriteLine("| articles | times                        | mode        | seconds | articles/s |");
        Console.WriteLine("|----------|------------------------------|-------------|---------|------------|");
        foreach (var count in new[] { 1_000, 5_000 })
        {
            // Each copy of the 922 articles moves 200 days on: a realistic stream where the window bounds the work.
            Speed(count, "dated, copies 200 d apart", "batch", () => defaults.Cluster(dated.Repeated(count, TimeSpan.FromDays(200))));
            Speed(count, "all in one window", "batch", () => defaults.Cluster(sameDay.Repeated(count, TimeSpan.FromHours(1))));
        }
        var ingest = new StoryClusterer { Threshold = NewsBrief.Scrapers.Refresh.StoryAssigner.DefaultThreshold };
        foreach (var count in new[] { 1_000, 5_000 })
        {
            Speed(count, "dated, copies 200 d apart", "window", () => ClusteringWindow.Run(ingest, dated.Repeated(count, TimeSpan.FromDays(200))));
            Speed(count, "all in one window", "window", () => ClusteringWindow.Run(ingest, sameDay.Repeated(count, TimeSpan.FromHours(1))));
        }
        return Task.FromResult(0);
    }

    /// <summary>
    /// Ingest as configured: the lexical default beside <c>Stories:Embeddings</c> (its tuned weight and threshold), on the
    /// dev part (tuned on), the held-out part and all, in time order and shuffled, and everything at one instant.
    /// </summary>
    private static void Embeddings(ClusteringAllSides dated, ClusteringAllSides sameDay)
    {
        using var embedder = new SentenceEmbedder();
        var vectors = new ClusteringVectors(embedder);
        var withVectors = vectors.With(dated, StoryAssigner.EmbeddedLeadChars);
        var sameDayWithVectors = vectors.With(sameDay, StoryAssigner.EmbeddedLeadChars);
        var lexical = new StoryOptions().Clusterer();
        var combined = new StoryOptions { Embeddings = true }.Clusterer();
        Console.WriteLine($"Ingest (window), lexical default (threshold {lexical.Threshold}) against Stories:Embeddings (title + {StoryAssigner.EmbeddedLeadChars} lead chars, " +
                          $"weight {combined.EmbeddingWeight}, threshold {combined.Threshold}); dev = stories from {ClusteringAllSides.DevFrom:yyyy-MM-dd}, held-out = before:");
        Console.WriteLine();
        Console.WriteLine("| part | order | similarity | pair P | pair R | pair F1 | B3 P | B3 R | B3 F1 | clusters |");
        Console.WriteLine("|---|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var part in new[] { "dev", "heldout", "all" })
            foreach (var (order, seed) in new[] { ("time", (int?)null), ("shuffled", 7) })
                foreach (var (name, clusterer) in new[] { ("lexical", lexical), ("embeddings", combined) })
                {
                    var p = withVectors.Part(part);
                    ScoreRow(part, order, name, ClusteringScore.Of(ClusteringWindow.Run(clusterer, p.Items, seed), p.Gold));
                }
        foreach (var (name, clusterer) in new[] { ("lexical", lexical), ("embeddings", combined) })
            ScoreRow("all", "one instant", name, ClusteringScore.Of(ClusteringWindow.Run(clusterer, sameDayWithVectors.Items), sameDayWithVectors.Gold));
    }

    private static void ScoreRow(string part, string order, string similarity, ClusteringScore s) =>
        Console.WriteLine($"| {part} | {order} | {similarity} | {s.PairPrecision:0.000} | {s.PairRecall:0.000} | {s.PairF1:0.000} | {s.BCubedPrecision:0.000} | {s.BCubedRecall:0.000} | **{s.BCubedF1:0.000}** | {s.Clusters} |");

    /// <summary>A half-life so long that nothing fades within any window: the clusterer as it was before fading.</summary>
    private static readonly TimeSpan NoFading = TimeSpan.FromDays(100_000);

    private static void Row(string times, string mode, StoryClusterer c, ClusteringScore s) =>
        Console.WriteLine($"| {times,-8} | {mode,-11} | {(c.HalfLife == NoFading ? "off" : $"{c.HalfLife.TotalDays:0.#} d"),9} | {c.Threshold,9:0.00} | {s.PairPrecision,6:0.000} | {s.PairRecall,6:0.000} | {s.PairF1,7:0.000} | " +
                          $"{s.BCubedPrecision:0.000} | {s.BCubedRecall:0.000} | {s.BCubedF1:0.000} | {s.Clusters,8} |");

    private static void Speed(int count, string times, string mode, Func<object> run)
    {
        run(); // warm-up: JIT and regexes
        var watch = Stopwatch.StartNew();
        run();
        var seconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine($"| {count,8} | {times,-28} | {mode,-11} | {seconds,7:0.000} | {count / seconds,10:0} |");
    }
}
