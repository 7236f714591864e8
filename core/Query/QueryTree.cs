namespace NewsBrief.Core.Query;

/// <summary>Walks of a query's syntax tree shared by the query, its explanation and the index.</summary>
internal static class QueryTree
{
    /// <summary>Leaves not under any NOT: what the query looks for.</summary>
    public static IEnumerable<TermNode> PositiveTerms(QueryNode node) => node switch
    {
        TermNode t => [t],
        AndNode a => a.Children.SelectMany(PositiveTerms),
        OrNode o => o.Children.SelectMany(PositiveTerms),
        _ => [],
    };

    /// <summary>Every leaf, negated or not.</summary>
    public static IEnumerable<TermNode> AllTerms(QueryNode node) => node switch
    {
        TermNode t => [t],
        AndNode a => a.Children.SelectMany(AllTerms),
        OrNode o => o.Children.SelectMany(AllTerms),
        NotNode n => AllTerms(n.Child),
        _ => [],
    };

    /// <summary>The outermost NOT clauses.</summary>
    public static IEnumerable<NotNode> Exclusions(QueryNode node) => node switch
    {
        NotNode n => [n],
        AndNode a => a.Children.SelectMany(Exclusions),
        OrNode o => o.Children.SelectMany(Exclusions),
        _ => [],
    };

    /// <summary>For a node that matches an empty document, the clause that makes it so (for the error position).</summary>
    public static QueryNode MatchingEmpty(QueryNode node, DocumentTerms empty) => node switch
    {
        OrNode o => MatchingEmpty(o.Children.First(c => c.Evaluate(empty)), empty),
        AndNode a => MatchingEmpty(a.Children[0], empty),
        _ => node,
    };

    /// <summary>A key equal for queries that mean the same tree ("TikTok  AND ban" and "tiktok ban"), to evaluate them once.</summary>
    public static string Canonical(QueryNode node) => node switch
    {
        TermNode t => $"{(char)('0' + (int)t.Kind)}{(char)('0' + (int)t.Field)}{string.Join(' ', t.Words)}",
        AndNode a => "&(" + string.Join(",", a.Children.Select(Canonical)) + ")",
        OrNode o => "|(" + string.Join(",", o.Children.Select(Canonical)) + ")",
        NotNode n => "!(" + Canonical(n.Child) + ")",
        _ => "?",
    };
}
