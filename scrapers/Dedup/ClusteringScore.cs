namespace NewsBrief.Scrapers.Dedup;

/// <summary>
/// Scores a clustering against a gold grouping: pairwise precision/recall/F1 (over pairs put together) and
/// B-cubed precision/recall/F1 (per item, averaged), the two usual measures for story clustering.
/// </summary>
public sealed record ClusteringScore(double PairPrecision, double PairRecall, double BCubedPrecision, double BCubedRecall, int Clusters)
{
    public double PairF1 => F1(PairPrecision, PairRecall);

    public double BCubedF1 => F1(BCubedPrecision, BCubedRecall);

    /// <summary>Compares <paramref name="predicted"/> clusters (indexes) with <paramref name="gold"/> labels, one per item.</summary>
    public static ClusteringScore Of(IReadOnlyList<IReadOnlyList<int>> predicted, IReadOnlyList<string> gold)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(gold);
        var cluster = new int[gold.Count];
        Array.Fill(cluster, -1);
        for (var c = 0; c < predicted.Count; c++)
            foreach (var i in predicted[c])
            {
                if (i < 0 || i >= gold.Count) throw new ArgumentException($"Cluster {c} holds index {i}, outside 0..{gold.Count - 1}.", nameof(predicted));
                if (cluster[i] != -1) throw new ArgumentException($"Index {i} appears in more than one cluster.", nameof(predicted));
                cluster[i] = c;
            }
        var missing = Array.IndexOf(cluster, -1);
        if (missing >= 0) throw new ArgumentException($"Index {missing} is in no cluster.", nameof(predicted));

        var predictedSize = cluster.GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        var goldSize = gold.GroupBy(g => g, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var overlap = Enumerable.Range(0, gold.Count).GroupBy(i => (cluster[i], gold[i])).ToDictionary(g => g.Key, g => g.Count());

        double pairsTogether = predictedSize.Values.Sum(Pairs), pairsGold = goldSize.Values.Sum(Pairs), pairsBoth = overlap.Values.Sum(Pairs);
        double bPrecision = 0, bRecall = 0;
        for (var i = 0; i < gold.Count; i++)
        {
            var both = overlap[(cluster[i], gold[i])];
            bPrecision += (double)both / predictedSize[cluster[i]];
            bRecall += (double)both / goldSize[gold[i]];
        }
        var n = Math.Max(1, gold.Count);
        return new ClusteringScore(
            pairsTogether == 0 ? 1 : pairsBoth / pairsTogether,
            pairsGold == 0 ? 1 : pairsBoth / pairsGold,
            bPrecision / n, bRecall / n, predicted.Count);
    }

    private static double Pairs(int size) => size * (size - 1) / 2.0;

    private static double F1(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);
}
