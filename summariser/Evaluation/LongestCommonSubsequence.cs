namespace NewsBrief.Summariser.Evaluation;

/// <summary>LCS table, back-tracking and the union LCS of ROUGE-Lsum, following <c>rouge-score</c> step for step.</summary>
public static class LongestCommonSubsequence
{
    public static int[,] Table(IReadOnlyList<string> reference, IReadOnlyList<string> candidate)
    {
        var t = new int[reference.Count + 1, candidate.Count + 1];
        for (var i = 1; i <= reference.Count; i++)
            for (var j = 1; j <= candidate.Count; j++)
                t[i, j] = string.Equals(reference[i - 1], candidate[j - 1], StringComparison.Ordinal)
                    ? t[i - 1, j - 1] + 1
                    : Math.Max(t[i - 1, j], t[i, j - 1]);
        return t;
    }

    /// <summary>Indices into <paramref name="reference"/> of one LCS (the one rouge-score's back-tracking picks).</summary>
    public static IReadOnlyList<int> Indices(IReadOnlyList<string> reference, IReadOnlyList<string> candidate)
    {
        var t = Table(reference, candidate);
        var i = reference.Count;
        var j = candidate.Count;
        var lcs = new List<int>();
        while (i > 0 && j > 0)
        {
            if (string.Equals(reference[i - 1], candidate[j - 1], StringComparison.Ordinal))
            {
                lcs.Add(i - 1);
                i--;
                j--;
            }
            else if (t[i, j - 1] > t[i - 1, j]) j--;
            else i--;
        }
        lcs.Reverse();
        return lcs;
    }

    /// <summary>Tokens of <paramref name="reference"/> in the union of its LCS with each candidate sentence.</summary>
    public static IReadOnlyList<string> Union(IReadOnlyList<string> reference, IEnumerable<IReadOnlyList<string>> candidates)
    {
        var union = new SortedSet<int>();
        foreach (var candidate in candidates) union.UnionWith(Indices(reference, candidate));
        return union.Select(i => reference[i]).ToList();
    }
}
