namespace NewsBrief.Scrapers.Parsing;

/// <summary>A feed as parsed: its title, optional RSS ttl, and items.</summary>
public sealed record ParsedFeed(string? Title, IReadOnlyList<FeedItem> Items, TimeSpan? Ttl = null)
{
    /// <summary>The site the feed belongs to (RSS channel link, Atom alternate link, JSON Feed home page), absolute.</summary>
    public Uri? Link { get; init; }
}

/// <summary>One item of a feed, its links made absolute.</summary>
public sealed record FeedItem
{
    public required string Title { get; init; }
    public Uri? Link { get; init; }
    public string? Guid { get; init; }
    public string? Description { get; init; }
    public string? Content { get; init; }
    public string? Author { get; init; }
    public DateTimeOffset? Published { get; init; }
}

/// <summary>A document that could not be read as a feed; the message says why for a user.</summary>
public sealed class FeedParseException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>When the document was an HTML page: the feeds it links to, best first.</summary>
    public IReadOnlyList<Uri> FeedUrls { get; init; } = [];
}
