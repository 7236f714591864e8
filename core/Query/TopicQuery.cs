namespace NewsBrief.Core.Query;

/// <summary>
/// A parsed query of the topic query language, used by subscriptions, topics and filters alike.
/// </summary>
/// <remarks>
/// <para>Syntax: <c>word</c> (whole word, case- and accent-insensitive: "Café" matches "cafe", "ban" does
/// not match "bank"); <c>"quoted phrase"</c> (consecutive words); <c>prohibit*</c> (words starting with
/// "prohibit", at least 2 letters before the star); <c>a AND b</c> or just <c>a b</c>; <c>a OR b</c>;
/// <c>NOT a</c> or <c>-a</c>; <c>( ... )</c>; <c>title:word</c> (headline only) and <c>source:bbc</c>
/// (words of the source id or name) and <c>event:meeting</c> (the kinds, participants, places and sentences of the
/// upcoming events the article announces; <c>event:any</c> is any of them), which also prefix phrases and groups: <c>title:(a OR b)</c>.
/// Without a field prefix a term is looked for in the title and the body.</para>
/// <para>Operators are the UPPERCASE keywords AND, OR, NOT only, as in web-search alerts: lowercase
/// "and", "or", "not" are ordinary words, so "rock and roll" needs all three words.
/// Precedence: NOT binds tightest, then AND (explicit or implied), then OR:
/// <c>a b OR c -d</c> means <c>(a AND b) OR (c AND NOT d)</c>.</para>
/// <para>A word that folds into several words ("covid-19", "U.S.") is matched as a phrase.
/// Rejected, with the 0-based offset of the problem: empty queries, unbalanced parentheses, empty
/// parentheses, unterminated quotes, operators without an operand, unknown field prefixes,
/// misplaced '*', queries that only exclude (they would match every other article), more than
/// <see cref="MaxLength"/> characters or more than <see cref="MaxTerms"/> terms.</para>
/// </remarks>
public sealed class TopicQuery
{
    /// <summary>The longest query text accepted, in characters.</summary>
    public const int MaxLength = 1000;

    /// <summary>The most words, phrases and prefixes a query may contain.</summary>
    public const int MaxTerms = 64;

    private static readonly DocumentTerms Empty = DocumentTerms.From(new QueryDocument("", "", ""));

    private readonly TermNode[] _positive;

    private TopicQuery(string text, QueryNode root)
    {
        Text = text;
        Root = root;
        _positive = [.. QueryTree.PositiveTerms(root)];
        Terms = _positive.Select(t => t.Display).Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The query as written.</summary>
    public string Text { get; }

    /// <summary>The terms the query looks for (not those it excludes), as shown to users: <c>tiktok</c>, <c>"supreme court"</c>, <c>prohibit*</c>, <c>title:ban</c>.</summary>
    public IReadOnlyList<string> Terms { get; }

    internal QueryNode Root { get; }

    /// <summary>True when a term looks at <c>event:</c>: the document then needs its events extracted.</summary>
    public bool UsesEvents => QueryTree.AllTerms(Root).Any(t => t.Field == QueryField.Event);

    /// <summary>Parses <paramref name="text"/>; throws <see cref="QueryParseException"/> naming the problem and its position.</summary>
    public static TopicQuery Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new QueryParseException("the query is empty; give at least one word", 0);
        if (text.Length > MaxLength)
            throw new QueryParseException($"the query is {text.Length} characters long; the limit is {MaxLength}", MaxLength);
        try { return ParseChecked(text); }
        catch (QueryParseException e) when (e.Hint is null && LowercaseOperators.Hint(text) is { } hint)
        {
            throw new QueryParseException(e.Reason, e.Position, hint);
        }
    }

    private static TopicQuery ParseChecked(string text)
    {
        var root = QueryParser.Parse(text);
        if (root.Evaluate(Empty))
        {
            var culprit = QueryTree.MatchingEmpty(root, Empty);
            throw new QueryParseException(
                $"the query only excludes ('{text[culprit.Start..culprit.End]}' would match every article without those words); add a word to look for",
                culprit.Start);
        }
        return new TopicQuery(text, root);
    }

    /// <summary>Parses without throwing: on failure <paramref name="query"/> is null and <paramref name="error"/> says why.</summary>
    public static bool TryParse(string text, out TopicQuery? query, out QueryParseException? error)
    {
        try
        {
            query = Parse(text);
            error = null;
            return true;
        }
        catch (QueryParseException e)
        {
            query = null;
            error = e;
            return false;
        }
    }

    public bool Matches(QueryDocument doc) => Matches(DocumentTerms.From(doc));

    /// <summary>Matches an already tokenised document (tokenise once, match many queries).</summary>
    public bool Matches(DocumentTerms doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        return Root.Evaluate(doc);
    }

    /// <summary>The <see cref="Terms"/> found in the document (meaningful when it matches).</summary>
    public IReadOnlyList<string> MatchedTerms(QueryDocument doc) => MatchedTerms(DocumentTerms.From(doc));

    public IReadOnlyList<string> MatchedTerms(DocumentTerms doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        return _positive.Where(t => t.Evaluate(doc)).Select(t => t.Display).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Why the document matched or not: each term found (and where) or missing, and each excluded clause.</summary>
    public QueryExplanation Explain(QueryDocument doc) => Explain(DocumentTerms.From(doc));

    public QueryExplanation Explain(DocumentTerms doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var terms = _positive.Select(t => new TermEvidence(t.Display, t.FoundIn(doc))).DistinctBy(e => e.Term).ToList();
        var exclusions = QueryTree.Exclusions(Root).Select(n => new ExclusionEvidence(
            Text[n.Start..n.End],
            n.Child.Evaluate(doc),
            QueryTree.AllTerms(n.Child).Select(t => new TermEvidence(t.Display, t.FoundIn(doc))).ToList())).ToList();
        return new QueryExplanation(Root.Evaluate(doc), terms, exclusions);
    }

    public override string ToString() => Text;
}
