namespace NewsBrief.Summariser.Extractive;

/// <summary>Maximal marginal relevance: greedy picks that trade a sentence's score against its overlap with those already picked.</summary>
internal static class Mmr
{
    /// <summary>
    /// Picks up to <paramref name="count"/> sentences; never one at least <paramref name="duplicateThreshold"/> similar
    /// to a picked one. For a story of several articles, <paramref name="documentOf"/> names each sentence's article,
    /// <paramref name="lead"/> (when not negative) is picked first, and a sentence of an article not yet quoted gains
    /// <paramref name="newOutletBonus"/>; without them this is plain MMR.
    /// </summary>
    public static IReadOnlyList<int> Pick(double[] scores, double[,] similarity, int count, double lambda, double duplicateThreshold,
        IReadOnlyList<int>? documentOf = null, int lead = -1, double newOutletBonus = 0)
    {
        var n = scores.Length;
        var maxScore = scores.Max();
        var scale = maxScore > 0 ? maxScore : 1;
        var maxSim = new double[n];
        var taken = new bool[n];
        var quoted = new HashSet<int>();
        var picked = new List<int>();
        if (lead >= 0) Take(lead);
        while (picked.Count < count)
        {
            var best = -1;
            var bestValue = double.NegativeInfinity;
            for (var i = 0; i < n; i++)
            {
                if (taken[i] || maxSim[i] >= duplicateThreshold) continue;
                var bonus = documentOf is null || quoted.Contains(documentOf[i]) ? 0 : newOutletBonus;
                var value = lambda * scores[i] / scale - (1 - lambda) * maxSim[i] + bonus;
                // Strictly greater: on a tie the earlier sentence wins, which keeps output deterministic.
                if (value > bestValue)
                {
                    bestValue = value;
                    best = i;
                }
            }
            if (best < 0) break;
            Take(best);
        }
        return picked;

        void Take(int i)
        {
            taken[i] = true;
            picked.Add(i);
            if (documentOf is not null) quoted.Add(documentOf[i]);
            for (var j = 0; j < n; j++) maxSim[j] = Math.Max(maxSim[j], similarity[j, i]);
        }
    }
}
