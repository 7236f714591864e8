namespace NewsBrief.Summariser.Extractive;

/// <summary>
/// The multi-outlet pick of a story's sentences: the lead of its most central article first, then maximal
/// marginal relevance over every article's sentences with a bonus for an article not yet quoted, so that the
/// other outlets' distinct facts are told; near-duplicates of what is already said are never picked.
/// </summary>
internal static class OutletMmr
{
    public static IReadOnlyList<int> Pick(double[] scores, double[,] similarity, IReadOnlyList<int> documentOf, int lead,
        int count, double lambda, double duplicateThreshold, double newOutletBonus)
    {
        var n = scores.Length;
        var maxScore = scores.Max();
        var scale = maxScore > 0 ? maxScore : 1;
        var maxSim = new double[n];
        var taken = new bool[n];
        var quoted = new HashSet<int>();
        var picked = new List<int>();
        Take(lead);
        while (picked.Count < count)
        {
            var best = -1;
            var bestValue = double.NegativeInfinity;
            for (var i = 0; i < n; i++)
            {
                if (taken[i] || maxSim[i] >= duplicateThreshold) continue;
                var value = lambda * scores[i] / scale - (1 - lambda) * maxSim[i] + (quoted.Contains(documentOf[i]) ? 0 : newOutletBonus);
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
            quoted.Add(documentOf[i]);
            for (var j = 0; j < n; j++) maxSim[j] = Math.Max(maxSim[j], similarity[j, i]);
        }
    }

    /// <summary>
    /// The other documents that state a picked sentence's fact: those holding a sentence at least
    /// <paramref name="duplicateThreshold"/> similar to it (a near-duplicate in another outlet), in document order.
    /// </summary>
    public static IReadOnlyList<int> AlsoStatedIn(int sentence, double[,] similarity, IReadOnlyList<int> documentOf, double duplicateThreshold)
    {
        var own = documentOf[sentence];
        var also = new SortedSet<int>();
        for (var j = 0; j < documentOf.Count; j++)
            if (documentOf[j] != own && similarity[sentence, j] >= duplicateThreshold) also.Add(documentOf[j]);
        return also.ToList();
    }
}
