namespace NewsBrief.Summariser.Extractive;

/// <summary>
/// Across the outlets of one story: which other articles state a picked sentence's fact (the pick itself is
/// <see cref="Mmr.Pick"/> with the lead of the most central article first and a bonus for an outlet not yet quoted).
/// </summary>
internal static class OutletMmr
{
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
