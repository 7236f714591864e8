using System.Text.RegularExpressions;

namespace NewsBrief.Scrapers.Dedup;

/// <summary>
/// Turns articles into tf-idf vectors over their title and lead: stopwords out, light stemming, title words
/// and named-entity-ish tokens (capitalised mid-sentence, acronyms, numbers) weighted up. The idf comes from the
/// batch itself, so the same words weigh differently in a quiet week and a busy one; that is intended.
/// </summary>
internal sealed partial class TermVectoriser(int leadWords, double titleWeight, double entityBoost)
{
    private readonly record struct Token(string Term, bool Entity);

    public IReadOnlyList<SparseVector> Vectorise(IReadOnlyList<ClusterItem> items)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var docs = new List<Dictionary<int, (double Tf, bool Entity)>>(items.Count);
        var df = new List<int>();
        foreach (var item in items)
        {
            var doc = new Dictionary<int, (double Tf, bool Entity)>();
            Count(doc, ids, Tokens(item.Title, isTitle: true), titleWeight);
            Count(doc, ids, Tokens(Lead(item.Text), isTitle: false), 1.0);
            foreach (var term in doc.Keys)
            {
                while (df.Count <= term) df.Add(0);
                df[term]++;
            }
            docs.Add(doc);
        }
        var n = items.Count;
        return docs.Select(doc => Weigh(doc, df, n)).ToList();
    }

    /// <summary>
    /// The article's term weights before idf: (1 + log tf) times the entity boost, title words counting
    /// <c>titleWeight</c> times. Whoever holds the corpus applies the idf (see <see cref="StoryWindow"/>).
    /// </summary>
    public Dictionary<string, double> RawWeights(ClusterItem item)
    {
        var doc = new Dictionary<string, (double Tf, bool Entity)>(StringComparer.Ordinal);
        foreach (var token in Tokens(item.Title, isTitle: true)) Add(doc, token, titleWeight);
        foreach (var token in Tokens(Lead(item.Text), isTitle: false)) Add(doc, token, 1.0);
        return doc.ToDictionary(e => e.Key, e => (1.0 + Math.Log(e.Value.Tf)) * (e.Value.Entity ? entityBoost : 1.0), StringComparer.Ordinal);

        static void Add(Dictionary<string, (double Tf, bool Entity)> doc, Token token, double weight) =>
            doc[token.Term] = doc.TryGetValue(token.Term, out var seen) ? (seen.Tf + weight, seen.Entity || token.Entity) : (weight, token.Entity);
    }

    private SparseVector Weigh(Dictionary<int, (double Tf, bool Entity)> doc, List<int> df, int n)
    {
        if (doc.Count == 0) return SparseVector.Empty;
        var terms = doc.Keys.Order().ToArray();
        var weights = new double[terms.Length];
        for (var i = 0; i < terms.Length; i++)
        {
            var (tf, entity) = doc[terms[i]];
            var idf = Math.Log((1.0 + n) / (1.0 + df[terms[i]])) + 1.0;
            weights[i] = (1.0 + Math.Log(tf)) * idf * (entity ? entityBoost : 1.0);
        }
        var norm = Math.Sqrt(weights.Sum(w => w * w));
        for (var i = 0; i < weights.Length; i++) weights[i] /= norm;
        return new SparseVector(terms, weights);
    }

    private static void Count(Dictionary<int, (double Tf, bool Entity)> doc, Dictionary<string, int> ids, IEnumerable<Token> tokens, double weight)
    {
        foreach (var token in tokens)
        {
            if (!ids.TryGetValue(token.Term, out var id)) ids[token.Term] = id = ids.Count;
            doc[id] = doc.TryGetValue(id, out var seen) ? (seen.Tf + weight, seen.Entity || token.Entity) : (weight, token.Entity);
        }
    }

    private string Lead(string text)
    {
        var words = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]) && i > 0 && !char.IsWhiteSpace(text[i - 1]) && ++words >= leadWords) return text[..i];
        }
        return text;
    }

    private static IEnumerable<Token> Tokens(string text, bool isTitle)
    {
        text = AcronymDots().Replace(text, "");
        var matches = WordPattern().Matches(text);
        // In Title Case headlines every word is capitalised, so capitals say nothing there.
        var capitalsMeanEntity = !isTitle || !IsTitleCase(matches);
        var sentenceStart = true;
        foreach (Match match in matches)
        {
            var raw = match.Value;
            var atStart = sentenceStart;
            var end = match.Index + match.Length;
            sentenceStart = end < text.Length && SentenceEnd().IsMatch(text.AsSpan(end, Math.Min(3, text.Length - end)));
            if (raw.EndsWith("'s", StringComparison.Ordinal) || raw.EndsWith("’s", StringComparison.Ordinal)) raw = raw[..^2];
            var lower = raw.ToLowerInvariant();
            var isNumber = char.IsDigit(raw[0]);
            if ((!isNumber && lower.Length < 2) || Stopwords.All.Contains(lower)) continue;
            var acronym = raw.Length >= 2 && raw.All(char.IsUpper);
            var entity = isNumber || acronym || (capitalsMeanEntity && !atStart && char.IsUpper(raw[0]));
            yield return new Token(isNumber ? lower : LightStemmer.Stem(lower), entity);
        }
    }

    private static bool IsTitleCase(MatchCollection words)
    {
        var longWords = words.Where(m => m.Length > 3 && char.IsLetter(m.Value[0])).ToList();
        return longWords.Count >= 2 && longWords.Count(m => char.IsUpper(m.Value[0])) >= 0.6 * longWords.Count;
    }

    [GeneratedRegex(@"\p{L}[\p{L}\p{M}]*(?:['’]\p{L}+)?|\d+(?:[.,]\d+)*")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"(?<=\b\p{Lu})\.(?=\p{Lu}\b)")]
    private static partial Regex AcronymDots();

    [GeneratedRegex(@"^[^\p{L}\p{N}]*[.!?:\n]")]
    private static partial Regex SentenceEnd();
}
