namespace NewsBrief.Summariser.Extractive;

/// <summary>
/// The most central article of a story: the one whose words (title and candidate sentences, tf-idf over the
/// story) are most similar to all the others'. A story's summary opens with its lead.
/// </summary>
internal static class CentralDocument
{
    /// <summary>The index of the most central document among those with candidates; on a tie, the earliest.</summary>
    /// <param name="words">Content words per document (title and sentences), empty for a document without candidates.</param>
    public static int Of(IReadOnlyList<List<string>> words, TermIndex index)
    {
        var vectors = words.Select(w => TermVector.From(w, index)).ToArray();
        var best = -1;
        var bestSum = double.NegativeInfinity;
        for (var d = 0; d < vectors.Length; d++)
        {
            if (words[d].Count == 0) continue;
            var sum = 0.0;
            for (var e = 0; e < vectors.Length; e++)
                if (e != d) sum += vectors[d].Cosine(vectors[e]);
            if (sum > bestSum)
            {
                bestSum = sum;
                best = d;
            }
        }
        return best;
    }
}
