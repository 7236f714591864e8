namespace NewsBrief.Summariser.Extractive;

/// <summary>A sparse, L2-normalised tf-idf vector of content words (term ids sorted); the dot product of two is their cosine.</summary>
internal sealed class TermVector
{
    private readonly int[] _terms;
    private readonly double[] _weights;

    private TermVector(int[] terms, double[] weights)
    {
        _terms = terms;
        _weights = weights;
    }

    /// <summary>Term ids, ascending.</summary>
    public ReadOnlySpan<int> Terms => _terms;

    /// <summary>The weight of each term in <see cref="Terms"/>.</summary>
    public ReadOnlySpan<double> Weights => _weights;

    public static TermVector From(IEnumerable<string> words, TermIndex index)
    {
        var counts = new SortedDictionary<int, double>();
        foreach (var word in words)
            if (index.TryGetId(word, out var id)) counts[id] = counts.GetValueOrDefault(id) + 1;
        var terms = counts.Keys.ToArray();
        var weights = counts.Select(kv => kv.Value * index.Idf[kv.Key]).ToArray();
        var norm = Math.Sqrt(weights.Sum(w => w * w));
        if (norm > 0)
            for (var i = 0; i < weights.Length; i++) weights[i] /= norm;
        return new TermVector(terms, weights);
    }

    public double Cosine(TermVector other)
    {
        double dot = 0;
        int a = 0, b = 0;
        while (a < _terms.Length && b < other._terms.Length)
        {
            var diff = _terms[a] - other._terms[b];
            if (diff == 0) dot += _weights[a++] * other._weights[b++];
            else if (diff < 0) a++;
            else b++;
        }
        return dot;
    }
}
