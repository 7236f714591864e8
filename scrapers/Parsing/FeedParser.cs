using CodeHollow.FeedReader;

namespace NewsBrief.Scrapers.Parsing;

/// <summary>Parses RSS, Atom and JSON Feed documents into <see cref="ParsedFeed"/>; pure, no I/O.</summary>
public static class FeedParser
{
    public static ParsedFeed Parse(string content, Uri baseUri)
    {
        var trimmed = content.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (trimmed.Length == 0) throw new FeedParseException("the document is empty");
        if (trimmed.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
            throw new FeedParseException("the document is an HTML page, not a feed");
        Feed feed;
        try
        {
            feed = FeedReader.ReadFromString(trimmed);
        }
        catch (Exception e)
        {
            throw new FeedParseException($"not a readable feed: {e.Message}", e);
        }
        if (feed.Type == FeedType.Unknown) throw new FeedParseException("not a feed: unknown document type");
        var items = feed.Items.Select(i => ToItem(i, baseUri)).Where(i => i is not null).Select(i => i!).ToList();
        return new ParsedFeed(feed.Title, items);
    }

    private static FeedItem? ToItem(CodeHollow.FeedReader.FeedItem item, Uri baseUri)
    {
        Uri? link = null;
        if (!string.IsNullOrWhiteSpace(item.Link) && Uri.TryCreate(baseUri, item.Link.Trim(), out var abs) && abs.Scheme is "http" or "https")
            link = abs;
        var title = item.Title?.Trim();
        if (string.IsNullOrEmpty(title) && link is null) return null;
        DateTimeOffset? published = item.PublishingDate is { } d
            ? new DateTimeOffset(DateTime.SpecifyKind(d, d.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : d.Kind))
            : null;
        return new FeedItem
        {
            Title = string.IsNullOrEmpty(title) ? link!.ToString() : title,
            Link = link,
            Guid = string.IsNullOrWhiteSpace(item.Id) ? null : item.Id.Trim(),
            Description = item.Description,
            Content = item.Content,
            Author = item.Author,
            Published = published,
        };
    }
}
