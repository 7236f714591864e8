namespace NewsBrief.Core.Query;

/// <summary>
/// A parsed query of the topic query language (words, "phrases", prefix*, AND/OR/NOT, -word,
/// parentheses, title:/source: fields). Placeholder: matches any of its bare words.
/// </summary>
public sealed class TopicQuery
{
    private readonly string[] _words;

    private TopicQuery(string text, string[] words)
    {
        Text = text;
        _words = words;
    }

    public string Text { get; }

    public static TopicQuery Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new QueryParseException("the query is empty", 0);
        var words = text.Split([' ', '(', ')', '"'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w is not ("AND" or "OR" or "NOT")).Select(w => w.ToLowerInvariant()).ToArray();
        return new TopicQuery(text, words);
    }

    public bool Matches(QueryDocument doc)
    {
        var hay = (doc.Title + " " + doc.Body).ToLowerInvariant();
        return _words.Any(w => hay.Contains(w.TrimEnd('*'), StringComparison.Ordinal));
    }

    public IReadOnlyList<string> MatchedTerms(QueryDocument doc)
    {
        var hay = (doc.Title + " " + doc.Body).ToLowerInvariant();
        return _words.Where(w => hay.Contains(w.TrimEnd('*'), StringComparison.Ordinal)).ToList();
    }

    public override string ToString() => Text;
}
