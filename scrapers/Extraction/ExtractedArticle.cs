namespace NewsBrief.Scrapers.Extraction;

/// <summary>What extraction found on an article page.</summary>
public sealed record ExtractedArticle
{
    public required Uri Url { get; init; }
    public Uri? CanonicalUrl { get; init; }
    public string? Title { get; init; }
    public string? Byline { get; init; }
    public DateTimeOffset? Published { get; init; }
    public string? Language { get; init; }
    public Uri? LeadImage { get; init; }
    public required string Text { get; init; }

    /// <summary>Why nothing could be read from the page (binary content, too deeply nested, unreadable), for the user; null otherwise.</summary>
    public string? Problem { get; init; }
}
