namespace NewsBrief.Core.Query;

/// <summary>The folded words of one field: in order (for phrases), as a set (for words) and sorted (for prefixes).</summary>
public sealed class FieldTerms
{
    private readonly HashSet<string> _set;
    private readonly string[] _sorted;

    internal FieldTerms(List<string> words)
    {
        Words = words;
        _set = new HashSet<string>(words, StringComparer.Ordinal);
        _set.Remove(""); // the id/name separator of the source field is not a word
        _sorted = [.. _set];
        Array.Sort(_sorted, StringComparer.Ordinal);
    }

    /// <summary>The words in document order.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>The distinct words, ordinal order.</summary>
    public IReadOnlyList<string> Distinct => _sorted;

    public bool Contains(string word) => _set.Contains(word);

    /// <summary>True when some word starts with <paramref name="stem"/> (the word itself included).</summary>
    public bool ContainsPrefix(string stem)
    {
        var i = Array.BinarySearch(_sorted, stem, StringComparer.Ordinal);
        if (i >= 0) return true;
        i = ~i; // the first word sorting after the stem is the only candidate to start with it
        return i < _sorted.Length && _sorted[i].StartsWith(stem, StringComparison.Ordinal);
    }

    /// <summary>True when <paramref name="phrase"/> occurs as consecutive words.</summary>
    public bool ContainsPhrase(IReadOnlyList<string> phrase)
    {
        if (phrase.Count == 0 || !_set.Contains(phrase[0])) return false;
        var words = Words;
        for (var start = 0; start + phrase.Count <= words.Count; start++)
        {
            var k = 0;
            while (k < phrase.Count && string.Equals(words[start + k], phrase[k], StringComparison.Ordinal)) k++;
            if (k == phrase.Count) return true;
        }
        return false;
    }
}
