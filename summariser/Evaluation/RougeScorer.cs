namespace NewsBrief.Summariser.Evaluation;

/// <summary>
/// ROUGE-N, ROUGE-L and ROUGE-Lsum with the semantics of Google's <c>rouge-score</c> package:
/// clipped n-gram overlap; LCS of whole token sequences; summary-level union LCS over
/// newline-separated sentences, with hits clipped by token counts as ROUGE-1.5.5 does.
/// </summary>
public sealed class RougeScorer(bool useStemmer)
{
    public bool UseStemmer { get; } = useStemmer;

    /// <summary>R-1, R-2 and R-Lsum of a candidate against a reference (sentences one per line in both).</summary>
    public RougeTriple Score(string reference, string candidate) =>
        new(RougeN(reference, candidate, 1), RougeN(reference, candidate, 2), RougeLsum(reference, candidate));

    public RougeScore RougeN(string reference, string candidate, int n)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n), n, "ROUGE-N needs a positive n");
        var target = NGrams(RougeTokenizer.Tokenize(reference, UseStemmer), n);
        var prediction = NGrams(RougeTokenizer.Tokenize(candidate, UseStemmer), n);
        var overlap = target.Sum(kv => Math.Min(kv.Value, prediction.GetValueOrDefault(kv.Key)));
        var precision = (double)overlap / Math.Max(prediction.Values.Sum(), 1);
        var recall = (double)overlap / Math.Max(target.Values.Sum(), 1);
        return RougeScore.From(precision, recall);
    }

    public RougeScore RougeL(string reference, string candidate)
    {
        var target = RougeTokenizer.Tokenize(reference, UseStemmer);
        var prediction = RougeTokenizer.Tokenize(candidate, UseStemmer);
        if (target.Count == 0 || prediction.Count == 0) return RougeScore.Zero;
        var lcs = LongestCommonSubsequence.Table(target, prediction)[target.Count, prediction.Count];
        return RougeScore.From((double)lcs / prediction.Count, (double)lcs / target.Count);
    }

    public RougeScore RougeLsum(string reference, string candidate)
    {
        var refSentences = Sentences(reference);
        var canSentences = Sentences(candidate);
        if (refSentences.Count == 0 || canSentences.Count == 0) return RougeScore.Zero;
        var m = refSentences.Sum(s => s.Count);
        var n = canSentences.Sum(s => s.Count);
        if (m == 0 || n == 0) return RougeScore.Zero;

        var refCounts = Counts(refSentences);
        var canCounts = Counts(canSentences);
        var hits = 0;
        foreach (var sentence in refSentences)
        {
            foreach (var token in LongestCommonSubsequence.Union(sentence, canSentences))
            {
                if (canCounts.GetValueOrDefault(token) > 0 && refCounts.GetValueOrDefault(token) > 0)
                {
                    hits++;
                    canCounts[token]--;
                    refCounts[token]--;
                }
            }
        }
        return RougeScore.From((double)hits / n, (double)hits / m);
    }

    private List<IReadOnlyList<string>> Sentences(string text) =>
        text.Split('\n').Where(s => s.Length > 0).Select(s => RougeTokenizer.Tokenize(s, UseStemmer)).ToList();

    private static Dictionary<string, int> Counts(IEnumerable<IReadOnlyList<string>> sentences)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in sentences.SelectMany(s => s)) counts[token] = counts.GetValueOrDefault(token) + 1;
        return counts;
    }

    private static Dictionary<string, int> NGrams(IReadOnlyList<string> tokens, int n)
    {
        var grams = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + n <= tokens.Count; i++)
        {
            // Tokens are [a-z0-9]+, so a space cannot make two different n-grams collide.
            var key = string.Join(' ', tokens.Skip(i).Take(n));
            grams[key] = grams.GetValueOrDefault(key) + 1;
        }
        return grams;
    }
}
