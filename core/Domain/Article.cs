namespace NewsBrief.Core.Domain;

/// <summary>One stored article. <see cref="Id"/> is assigned by the store (0 before it is stored).</summary>
public sealed record Article
{
    public long Id { get; init; }
    public required string SourceId { get; init; }
    public required string Url { get; init; }
    public required string CanonicalUrl { get; init; }
    public string? Guid { get; init; }
    public required string Title { get; init; }
    public string? Description { get; init; }
    /// <summary>Full text extracted from the article page, when it could be fetched.</summary>
    public string? Text { get; init; }
    public string? Author { get; init; }
    public DateTimeOffset? Published { get; init; }
    public DateTimeOffset Fetched { get; init; }
    public string? Language { get; init; }
    public string ContentHash { get; init; } = "";
    public long? StoryId { get; init; }

    /// <summary>The best text there is: the extracted body, else the feed's description, else the title.</summary>
    public string BodyOrDescription => !string.IsNullOrWhiteSpace(Text) ? Text!
        : !string.IsNullOrWhiteSpace(Description) ? Description! : Title;

    /// <summary>The time the article is dated by: its published time, else when it was fetched.</summary>
    public DateTimeOffset DatedAt => Published ?? Fetched;
}
