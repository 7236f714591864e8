namespace NewsBrief.Core.Query;

/// <summary>What a leaf of a query looks for.</summary>
internal enum TermKind
{
    Word,
    Phrase,
    Prefix,
}

/// <summary>A leaf: a whole word, a phrase of consecutive words, or a word prefix, in one field.</summary>
internal sealed class TermNode : QueryNode
{
    public TermNode(TermKind kind, string[] words, QueryField field, int start, int end)
        : base(start, end)
    {
        Kind = kind;
        Words = words;
        Field = field;
        var body = kind switch
        {
            TermKind.Phrase => "\"" + string.Join(' ', words) + "\"",
            TermKind.Prefix => words[0] + "*",
            _ => words[0],
        };
        Display = field switch
        {
            QueryField.Title => "title:" + body,
            QueryField.Source => "source:" + body,
            QueryField.Event => "event:" + body,
            _ => body,
        };
    }

    public TermKind Kind { get; }

    /// <summary>The folded words (one for a word or prefix stem, several for a phrase).</summary>
    public string[] Words { get; }

    public QueryField Field { get; }

    /// <summary>How the term is shown to a user, e.g. <c>title:"supreme court"</c> or <c>prohibit*</c>.</summary>
    public string Display { get; }

    public override bool Evaluate(DocumentTerms doc) => FoundIn(doc) is not null;

    /// <summary>The name of the field the term was found in ("title", "body", "source", "event"), or null.</summary>
    public string? FoundIn(DocumentTerms doc) => Field switch
    {
        QueryField.Title => In(doc.Title) ? "title" : null,
        QueryField.Source => In(doc.Source) ? "source" : null,
        QueryField.Event => In(doc.Event) ? "event" : null,
        _ => In(doc.Title) ? "title" : In(doc.Body) ? "body" : null,
    };

    /// <summary>How often the term occurs in <paramref name="field"/> (what a ranking counts).</summary>
    public int Occurrences(FieldTerms field) => Kind switch
    {
        TermKind.Word => field.CountOf(Words[0]),
        TermKind.Prefix => field.CountPrefix(Words[0]),
        _ => field.CountPhrase(Words),
    };

    private bool In(FieldTerms field) => Kind switch
    {
        TermKind.Word => field.Contains(Words[0]),
        TermKind.Prefix => field.ContainsPrefix(Words[0]),
        _ => field.ContainsPhrase(Words),
    };
}
