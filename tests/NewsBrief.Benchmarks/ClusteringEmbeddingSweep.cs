using NewsBrief.Scrapers.Dedup;

namespace NewsBrief.Benchmarks;

/// <summary>
/// Grid search over the embedding settings at ingest (<c>clustering --embeddings-sweep</c>): lead characters embedded
/// after the title, the weight of the vectors' cosine, the threshold. B-cubed F1 of the window in time order and
/// shuffled, on the dev part (tuned on), the held-out part and all, and all at one instant (time cannot help); chosen by
/// the dev columns, checked on the others. <c>--leads 0,150</c> picks the lead lengths (default 0, 150, 300, 600).
/// </summary>
public static class ClusteringEmbeddingSweep
{
    public static void Run(ClusteringAllSides dated, ClusteringAllSides sameDay, ClusteringVectors vectors, int[] leads)
    {
        Console.WriteLine("| lead chars | weight | threshold | dev time | dev shuffled | held-out time | held-out shuffled | all time | all shuffled | all at one instant |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var results = new List<(string Row, double Dev)>();
        foreach (var lead in leads)
        {
            var all = vectors.With(dated, lead);
            var instant = vectors.With(sameDay, lead);
            var parts = new[] { all.Part("dev"), all.Part("heldout"), all };
            foreach (var weight in new[] { 0.0, 0.2, 0.3, 0.4, 0.5, 0.7, 1.0 })
            {
                if (weight == 0 && lead > 0) continue;
                foreach (var threshold in new[] { 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6 })
                {
                    var clusterer = new StoryClusterer { Threshold = threshold, EmbeddingWeight = weight };
                    var scores = parts.SelectMany(p => new[]
                    {
                        ClusteringScore.Of(ClusteringWindow.Run(clusterer, p.Items), p.Gold).BCubedF1,
                        ClusteringScore.Of(ClusteringWindow.Run(clusterer, p.Items, shuffleSeed: 7), p.Gold).BCubedF1,
                    }).Append(ClusteringScore.Of(ClusteringWindow.Run(clusterer, instant.Items), instant.Gold).BCubedF1).ToArray();
                    var row = $"| {lead} | {weight:0.0} | {threshold:0.00} | {string.Join(" | ", scores.Select(s => s.ToString("0.000")))} |";
                    Console.WriteLine(row);
                    results.Add((row, scores[0] + scores[1]));
                }
            }
        }
        Console.WriteLine();
        Console.WriteLine("best ten by dev (time + shuffled):");
        foreach (var (row, _) in results.OrderByDescending(r => r.Dev).Take(10)) Console.WriteLine(row);
        foreach (var (lead, (texts, seconds)) in vectors.Timings)
            Console.WriteLine($"encoding title + {lead} lead chars: {texts} texts in {seconds:0.0} s ({texts / seconds:0}/s)");
    }
}
