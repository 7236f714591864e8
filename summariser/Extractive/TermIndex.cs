namespace NewsBrief.Summariser.Extractive;

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
