namespace NewsBrief.Summariser.Extractive;

/// <summary>Maximal marginal relevance: greedy picks that trade a sentence's score against its overlap with those already picked.</summary>
internal static class Mmr
{
    public static IReadOnlyList<int> Pick(double[] scores, double[,] similarity, int count, double lambda, double duplicateThreshold)
    {
        var n = scores.Length;
        var maxScore = scores.Max();
        var scale = maxScore > 0 ? maxScore : 1;
        var maxSim = new double[n];
        var taken = new bool[n];
        var picked = new List<int>();
        while (picked.Count < count)
        {
            var best = -1;
            var bestValue = double.NegativeInfinity;
            for (var i = 0; i < n; i++)
            {
                if (taken[i] || maxSim[i] >= duplicateThreshold) continue;
                var value = lambda * scores[i] / scale - (1 - lambda) * maxSim[i];
                // Strictly greater: on a tie the earlier sentence wins, which keeps output deterministic.
                if (value > bestValue)
                {
                    bestValue = value;
                    best = i;
                }
            }
            if (best < 0) break;
            taken[best] = true;
            picked.Add(best);
            for (var i = 0; i < n; i++) maxSim[i] = Math.Max(maxSim[i], similarity[i, best]);
        }
        return picked;
    }
}
