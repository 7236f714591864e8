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
        // Row-normalised transitions, laid out by target so the inner loop runs over contiguous memory.
        var transition = new double[n * n];
        var dangling = new bool[n];
        for (var i = 0; i < n; i++)
        {
            var outWeight = 0.0;
            for (var j = 0; j < n; j++)
                if (i != j) outWeight += similarity[i, j];
            dangling[i] = outWeight == 0;
            if (dangling[i]) continue;
            for (var j = 0; j < n; j++)
                if (i != j) transition[j * n + i] = similarity[i, j] / outWeight;
        }

        var rank = Enumerable.Repeat(1.0 / n, n).ToArray();
        var next = new double[n];
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            // Isolated sentences spread their rank evenly, which keeps the chain stochastic.
            var danglingMass = 0.0;
            for (var i = 0; i < n; i++)
                if (dangling[i]) danglingMass += rank[i];
            var delta = 0.0;
            for (var j = 0; j < n; j++)
            {
                var row = new ReadOnlySpan<double>(transition, j * n, n);
                var sum = 0.0;
                for (var i = 0; i < n; i++) sum += row[i] * rank[i];
                next[j] = (1 - damping) / n + damping * (sum + danglingMass / n);
                delta += Math.Abs(next[j] - rank[j]);
            }
            (rank, next) = (next, rank);
            if (delta < Tolerance) break;
        }
        return rank;
    }
}
