namespace NewsBrief.Core.Query;

/// <summary>
/// A document split into folded words once, so that many queries (and the subscription index)
/// can be matched against one article without tokenising it again.
/// </summary>
public sealed class DocumentTerms
{
    private DocumentTerms(FieldTerms title, FieldTerms body, FieldTerms source, FieldTerms events)
    {
        Title = title;
        Body = body;
        Source = source;
        Event = events;
    }

    /// <summary>The headline's words.</summary>
    public FieldTerms Title { get; }

    /// <summary>The body's words.</summary>
    public FieldTerms Body { get; }

    /// <summary>The words of the source id and the source name (id first, then name).</summary>
    public FieldTerms Source { get; }

    /// <summary>The words of the article's upcoming events (what <c>event:</c> looks at).</summary>
    public FieldTerms Event { get; }

    /// <summary>Every distinct word of every field: what the subscription index looks up.</summary>
    public IReadOnlyList<string> Distinct => _distinct ??= Union();

    // Built on first use: matching a few queries (search, topic counts) never needs it, only the subscription index does.
    private IReadOnlyList<string>? _distinct;

    private string[] Union()
    {
        var all = new HashSet<string>(Body.Set, StringComparer.Ordinal);
        all.UnionWith(Title.Set);
        all.UnionWith(Source.Set);
        all.UnionWith(Event.Set);
        return [.. all];
    }

    public static DocumentTerms From(QueryDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var source = TermFolder.Words(doc.Source ?? "");
        // A separator between id and name words keeps a phrase from spanning the two.
        var name = TermFolder.Words(doc.SourceName ?? "");
        if (name.Count > 0)
        {
            source.Add("");
            source.AddRange(name);
        }
        return new DocumentTerms(
            new FieldTerms(TermFolder.Words(doc.Title ?? "")),
            new FieldTerms(TermFolder.Words(doc.Body ?? "")),
            new FieldTerms(source),
            new FieldTerms(TermFolder.Words(doc.Events ?? "")));
    }
}
