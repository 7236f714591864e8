namespace NewsBrief.Summariser.Extractive;

/// <summary>TextRank/LexRank centrality: PageRank by power iteration over a weighted sentence-similarity graph.</summary>
internal static class CentralityRanker
{
    private const int MaxIterations = 100;
    private const double Tolerance = 1e-6;

    /// <summary>Centrality of each node of a symmetric similarity matrix (diagonal ignored), summing to 1.</summary>
    public static double[] Rank(double[,] similarity, double damping)
    {
        var n = similarity.GetLength(0);
        if (n == 0) return [];
        var outWeight = new double[n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
                if (i != j) outWeight[i] += similarity[i, j];

        var rank = Enumerable.Repeat(1.0 / n, n).ToArray();
        var next = new double[n];
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            // Isolated sentences spread their rank evenly, which keeps the chain stochastic.
            var dangling = 0.0;
            for (var i = 0; i < n; i++)
                if (outWeight[i] == 0) dangling += rank[i];
            for (var j = 0; j < n; j++)
            {
                var sum = 0.0;
                for (var i = 0; i < n; i++)
                    if (i != j && outWeight[i] > 0) sum += similarity[i, j] / outWeight[i] * rank[i];
                next[j] = (1 - damping) / n + damping * (sum + dangling / n);
            }
            var delta = 0.0;
            for (var i = 0; i < n; i++) delta += Math.Abs(next[i] - rank[i]);
            (rank, next) = (next, rank);
            if (delta < Tolerance) break;
        }
        return rank;
    }
}
