namespace NewsBrief.Scrapers.Parsing;

/// <summary>Builds a <see cref="FeedItem"/> from mapped fields, finding a title where the feed gave none.</summary>
internal static class FeedItemBuilder
{
    private const int DerivedTitleLength = 100;

    /// <summary>Null for an item with neither title, link nor text: nothing a reader could show.</summary>
    public static FeedItem? Build(string? title, Uri? link, string? guid, string? description, string? content, string? author, DateTimeOffset? published)
    {
        title ??= Derive(description) ?? Derive(content);
        if (title is null && link is null) return null;
        return new FeedItem
        {
            Title = title ?? link!.ToString(),
            Link = link,
            Guid = string.IsNullOrWhiteSpace(guid) ? null : guid.Trim(),
            Description = description,
            Content = content,
            Author = FeedElements.PlainText(author),
            Published = published,
        };
    }

    /// <summary>Untitled items (microblogs, some JSON feeds) are named by the start of their text.</summary>
    private static string? Derive(string? html)
    {
        var text = FeedElements.PlainText(html);
        if (text is null) return null;
        if (text.Length <= DerivedTitleLength) return text;
        var cut = text.LastIndexOf(' ', DerivedTitleLength);
        return text[..(cut > 40 ? cut : DerivedTitleLength)] + "…";
    }
}
