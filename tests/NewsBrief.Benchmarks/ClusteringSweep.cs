using NewsBrief.Scrapers.Dedup;

namespace NewsBrief.Benchmarks;

/// <summary>Grid search over the clusterer's weights (<c>clustering --sweep</c>): how the defaults were chosen.</summary>
public static class ClusteringSweep
{
    public static void Run(ClusteringAllSides dated, ClusteringAllSides sameDay)
    {
        Console.WriteLine("| lead | title | entity | threshold | dated B3 F1 | same-day B3 F1 | mean |");
        Console.WriteLine("|------|-------|--------|-----------|-------------|----------------|------|");
        var results = new List<(string Row, double Mean)>();
        foreach (var lead in new[] { 40, 60, 100 })
            foreach (var title in new[] { 1.0, 2.0, 3.0 })
                foreach (var entity in new[] { 1.0, 1.5, 2.5 })
                    foreach (var threshold in new[] { 0.15, 0.2, 0.25, 0.3 })
                    {
                        var clusterer = new StoryClusterer { LeadWords = lead, TitleWeight = title, EntityBoost = entity, Threshold = threshold };
                        var a = ClusteringScore.Of(clusterer.Cluster(dated.Items), dated.Gold).BCubedF1;
                        var b = ClusteringScore.Of(clusterer.Cluster(sameDay.Items), sameDay.Gold).BCubedF1;
                        var row = $"| {lead,4} | {title,5:0.0} | {entity,6:0.0} | {threshold,9:0.00} | {a,11:0.000} | {b,14:0.000} | {(a + b) / 2:0.000} |";
                        Console.WriteLine(row);
                        results.Add((row, (a + b) / 2));
                    }
        Console.WriteLine();
        Console.WriteLine("best five by mean B3 F1:");
        foreach (var (row, _) in results.OrderByDescending(r => r.Mean).Take(5)) Console.WriteLine(row);
    }
}
