namespace NewsBrief.Core.Query;

/// <summary>The folded words of one field: in order (for phrases), as a set (for words) and sorted (for prefixes).</summary>
public sealed class FieldTerms
{
    // Each distinct word's first position, and for each position the next one holding the same word (-1: none):
    // a phrase is checked where its first word occurs instead of across the whole field.
    private readonly Dictionary<string, int> _first;
    private readonly int[] _next;
    private string[]? _sorted;

    internal FieldTerms(List<string> words)
    {
        Words = words;
        _first = new Dictionary<string, int>(words.Count, StringComparer.Ordinal);
        _next = new int[words.Count];
        for (var i = words.Count - 1; i >= 0; i--)
        {
            _next[i] = _first.TryGetValue(words[i], out var later) ? later : -1;
            _first[words[i]] = i;
        }
        _first.Remove(""); // the id/name separator of the source field is not a word
    }

    /// <summary>The words in document order.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>The distinct words, ordinal order.</summary>
    public IReadOnlyList<string> Distinct => Sorted;

    /// <summary>The distinct words, unordered (cheaper than <see cref="Distinct"/>, which sorts on first use).</summary>
    internal IEnumerable<string> Set => _first.Keys;

    internal int Count => _first.Count;

    // Sorted only when a prefix or a caller needs the order: most documents never meet a prefix query.
    private string[] Sorted
    {
        get
        {
            if (_sorted is { } sorted) return sorted;
            sorted = [.. _first.Keys];
            Array.Sort(sorted, StringComparer.Ordinal);
            return _sorted = sorted;
        }
    }

    public bool Contains(string word) => _first.ContainsKey(word);

    /// <summary>True when some word starts with <paramref name="stem"/> (the word itself included).</summary>
    public bool ContainsPrefix(string stem)
    {
        if (_first.ContainsKey(stem)) return true;
        var sorted = Sorted;
        var i = Array.BinarySearch(sorted, stem, StringComparer.Ordinal);
        if (i >= 0) return true;
        i = ~i; // the first word sorting after the stem is the only candidate to start with it
        return i < sorted.Length && sorted[i].StartsWith(stem, StringComparison.Ordinal);
    }

    /// <summary>The number of words in the field (what a ranking calls the field's length).</summary>
    internal int Length => Words.Count;

    /// <summary>How often <paramref name="word"/> occurs.</summary>
    internal int CountOf(string word)
    {
        if (!_first.TryGetValue(word, out var i)) return 0;
        var n = 0;
        for (; i >= 0; i = _next[i]) n++;
        return n;
    }

    /// <summary>How many words start with <paramref name="stem"/> (the word itself included).</summary>
    internal int CountPrefix(string stem)
    {
        if (!ContainsPrefix(stem)) return 0;
        var n = 0;
        foreach (var word in Words) if (word.StartsWith(stem, StringComparison.Ordinal)) n++;
        return n;
    }

    /// <summary>How often <paramref name="phrase"/> occurs as consecutive words.</summary>
    internal int CountPhrase(IReadOnlyList<string> phrase)
    {
        if (phrase.Count == 0 || !_first.TryGetValue(phrase[0], out var start)) return 0;
        var words = Words;
        var n = 0;
        for (; start >= 0 && start + phrase.Count <= words.Count; start = _next[start])
        {
            var k = 1;
            while (k < phrase.Count && string.Equals(words[start + k], phrase[k], StringComparison.Ordinal)) k++;
            if (k == phrase.Count) n++;
        }
        return n;
    }

    /// <summary>True when <paramref name="phrase"/> occurs as consecutive words.</summary>
    public bool ContainsPhrase(IReadOnlyList<string> phrase)
    {
        if (phrase.Count == 0 || !_first.TryGetValue(phrase[0], out var start)) return false;
        var words = Words;
        for (; start >= 0 && start + phrase.Count <= words.Count; start = _next[start])
        {
            var k = 1;
            while (k < phrase.Count && string.Equals(words[start + k], phrase[k], StringComparison.Ordinal)) k++;
            if (k == phrase.Count) return true;
        }
        return false;
    }
}
