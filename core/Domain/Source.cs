namespace NewsBrief.Core.Domain;

/// <summary>How a source is read: a syndication feed, or an HTML list page read with CSS selectors.</summary>
public enum SourceKind
{
    Feed,
    Html,
}

/// <summary>CSS selectors that turn an HTML list page into articles (for <see cref="SourceKind.Html"/> sources).</summary>
public sealed record HtmlSelectors(string Item, string Link, string? Title, string? Date, string? Summary);

/// <summary>One configured source of articles, as written in <c>sources.json</c>.</summary>
public sealed record Source
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public SourceKind Kind { get; init; } = SourceKind.Feed;
    public required Uri Url { get; init; }
    public IReadOnlyList<string> Topics { get; init; } = [];
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMinutes(15);
    public HtmlSelectors? Selectors { get; init; }
}
