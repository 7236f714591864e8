namespace NewsBrief.Core.Query;

/// <summary>
/// Turns a topic query into an SQLite FTS5 MATCH expression that finds at least every article the query
/// matches (a superset: exclusions and <c>source:</c> terms are left to the exact match that follows).
/// </summary>
public static class FullTextExpression
{
    /// <summary>The FTS5 expression, or null when nothing of the query can narrow the search (e.g. only <c>source:</c> terms).</summary>
    public static string? For(TopicQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Translate(query.Root);
    }

    private static string? Translate(QueryNode node) => node switch
    {
        TermNode t => Term(t),
        AndNode a => Join(a.Children.Select(Translate).Where(x => x is not null).ToList()!, " AND "),
        OrNode o => o.Children.Select(Translate).ToList() is var parts && parts.All(p => p is not null) ? Join(parts!, " OR ") : null,
        _ => null, // NOT: the exact match removes what it excludes
    };

    private static string? Join(IReadOnlyList<string> parts, string op) => parts.Count switch
    {
        0 => null,
        1 => parts[0],
        _ => "(" + string.Join(op, parts) + ")",
    };

    private static string? Term(TermNode t)
    {
        // Folded words hold only letters and digits, so quoting them is enough to keep FTS5 syntax out.
        var body = t.Kind switch
        {
            TermKind.Prefix => Quote(t.Words[0]) + "*",
            _ => Quote(string.Join(' ', t.Words)),
        };
        return t.Field switch
        {
            QueryField.Title => "title : " + body,
            QueryField.Source or QueryField.Event => null,
            _ => body,
        };
    }

    private static string Quote(string words) => "\"" + words.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
