namespace NewsBrief.Summariser.Extractive;

/// <summary>A sparse, L2-normalised tf-idf vector of content words; the dot product of two is their cosine.</summary>
internal sealed class TermVector
{
    private readonly Dictionary<string, double> _weights;

    private TermVector(Dictionary<string, double> weights) => _weights = weights;

    public bool IsEmpty => _weights.Count == 0;

    public static TermVector From(IEnumerable<string> words, IReadOnlyDictionary<string, double> idf)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var word in words) weights[word] = weights.GetValueOrDefault(word) + 1;
        foreach (var word in weights.Keys.ToList()) weights[word] *= idf.GetValueOrDefault(word, 1.0);
        var norm = Math.Sqrt(weights.Values.Sum(w => w * w));
        if (norm > 0)
            foreach (var word in weights.Keys.ToList()) weights[word] /= norm;
        return new TermVector(weights);
    }

    public double Cosine(TermVector other)
    {
        var (small, large) = _weights.Count <= other._weights.Count ? (_weights, other._weights) : (other._weights, _weights);
        var dot = 0.0;
        foreach (var (word, weight) in small)
            if (large.TryGetValue(word, out var w)) dot += weight * w;
        return dot;
    }

    /// <summary>Smoothed idf over the given sentences, each a bag of content words.</summary>
    public static Dictionary<string, double> InverseDocumentFrequency(IReadOnlyList<IReadOnlyCollection<string>> sentences)
    {
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var sentence in sentences)
            foreach (var word in sentence.Distinct())
                df[word] = df.GetValueOrDefault(word) + 1;
        return df.ToDictionary(kv => kv.Key, kv => Math.Log((1.0 + sentences.Count) / (1.0 + kv.Value)) + 1.0, StringComparer.Ordinal);
    }
}
