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

    public bool IsEmpty => _terms.Length == 0;

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

/// <summary>Term ids and smoothed idf over the sentences of one story, each sentence a bag of content words.</summary>
internal sealed class TermIndex
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);

    public TermIndex(IEnumerable<IReadOnlyCollection<string>> sentences)
    {
        var df = new List<int>();
        var count = 0;
        foreach (var sentence in sentences)
        {
            count++;
            foreach (var word in sentence.Distinct())
            {
                if (!_ids.TryGetValue(word, out var id))
                {
                    _ids[word] = id = df.Count;
                    df.Add(0);
                }
                df[id]++;
            }
        }
        Idf = df.Select(d => Math.Log((1.0 + count) / (1.0 + d)) + 1.0).ToArray();
    }

    public double[] Idf { get; }

    public bool TryGetId(string word, out int id) => _ids.TryGetValue(word, out id);
}
