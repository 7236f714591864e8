namespace NewsBrief.Core.Query;

/// <summary>
/// Ranks the documents a query matched with BM25 (k1 1.2, b 0.75, as SQLite FTS5's <c>bm25()</c>), a title
/// occurrence counting <see cref="TitleWeight"/> body ones, from the words already split for the exact match:
/// ranking costs no second pass over the text and no statistics over the whole archive. Each positive term of the
/// query (word, phrase or prefix, in the title and body; <c>source:</c> and <c>event:</c> terms filter, they do not
/// rank) is weighted by its rarity among the ranked documents (Lucene's idf, always positive, so a term every one of
/// them holds still orders them by how often and where). Higher is better. Pure.
/// </summary>
public static class Bm25Ranker
{
    /// <summary>A title occurrence counts this many body ones.</summary>
    public const double TitleWeight = 10.0;

    private const double K1 = 1.2;
    private const double B = 0.75;

    /// <summary>The score of each document, in the order given.</summary>
    public static double[] Score(TopicQuery query, IReadOnlyList<DocumentTerms> docs)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(docs);
        var scores = new double[docs.Count];
        if (docs.Count == 0) return scores;
        var terms = QueryTree.PositiveTerms(query.Root)
            .Where(t => t.Field is QueryField.Text or QueryField.Title)
            .DistinctBy(t => t.Display, StringComparer.Ordinal).ToArray();
        if (terms.Length == 0) return scores;
        // Weighted frequency of each term in each document, and how many documents hold it.
        var frequency = new double[terms.Length, docs.Count];
        var holders = new int[terms.Length];
        double totalLength = 0;
        for (var d = 0; d < docs.Count; d++)
        {
            var doc = docs[d];
            totalLength += doc.Title.Length + doc.Body.Length;
            for (var t = 0; t < terms.Length; t++)
            {
                var term = terms[t];
                var f = TitleWeight * term.Occurrences(doc.Title) + (term.Field == QueryField.Title ? 0 : term.Occurrences(doc.Body));
                frequency[t, d] = f;
                if (f > 0) holders[t]++;
            }
        }
        var averageLength = Math.Max(1.0, totalLength / docs.Count);
        for (var t = 0; t < terms.Length; t++)
        {
            var idf = Math.Log(1 + (docs.Count - holders[t] + 0.5) / (holders[t] + 0.5));
            for (var d = 0; d < docs.Count; d++)
            {
                var f = frequency[t, d];
                if (f == 0) continue;
                var length = docs[d].Title.Length + docs[d].Body.Length;
                scores[d] += idf * f * (K1 + 1) / (f + K1 * (1 - B + B * length / averageLength));
            }
        }
        return scores;
    }
}
