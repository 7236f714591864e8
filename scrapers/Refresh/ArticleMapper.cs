using System.Security.Cryptography;
using System.Text;
using NewsBrief.Core.Domain;
using NewsBrief.Scrapers.Dedup;
using NewsBrief.Scrapers.Extraction;
using NewsBrief.Scrapers.Parsing;

namespace NewsBrief.Scrapers.Refresh;

/// <summary>Turns a parsed feed item into an article to store: canonical URL, plain-text description, content hash. Pure.</summary>
public static class ArticleMapper
{
    public const int MaxDescriptionChars = 4000;
    /// <summary>Feed content at least this long is taken as the article's full text.</summary>
    public const int FullTextFloorChars = 600;

    public static Article? Map(FeedItem item, Source source, DateTimeOffset fetched)
    {
        var link = item.Link ?? (Uri.TryCreate(item.Guid, UriKind.Absolute, out var g) && g.Scheme is "http" or "https" ? g : null);
        var description = Truncate(HtmlText.ToPlainText(item.Description ?? item.Content), MaxDescriptionChars);
        var content = item.Content is null ? "" : HtmlText.ToPlainText(item.Content);
        var title = HtmlText.ToPlainText(item.Title);
        if (title.Length == 0) return null;
        var canonical = link is not null
            ? UrlCanonicaliser.Canonicalise(link).ToString()
            : $"urn:newsbrief:{source.Id}:{item.Guid ?? Hash(title)}";
        return new Article
        {
            SourceId = source.Id,
            Url = link?.ToString() ?? source.Url.ToString(),
            CanonicalUrl = canonical,
            Guid = item.Guid,
            Title = title,
            Description = description.Length == 0 ? null : description,
            Text = content.Length >= FullTextFloorChars && content.Length > description.Length ? content : null,
            Author = string.IsNullOrWhiteSpace(item.Author) ? null : item.Author.Trim(),
            Published = item.Published,
            Fetched = fetched,
            ContentHash = ContentFingerprint.ContentHash(title, description),
        };
    }

    public static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));

    private static string Truncate(string text, int max)
    {
        if (text.Length <= max) return text;
        var cut = text.LastIndexOf(' ', max);
        return text[..(cut > max / 2 ? cut : max)] + "…";
    }
}
