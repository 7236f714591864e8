using SmartReader;

namespace NewsBrief.Scrapers.Extraction;

/// <summary>Extracts the main text and metadata of an article page; pure, no I/O.</summary>
public static class ArticleExtractor
{
    public static ExtractedArticle Extract(string html, Uri url)
    {
        var reader = new Reader(url.ToString(), html) { Debug = false };
        var article = reader.GetArticle();
        return new ExtractedArticle
        {
            Url = url,
            Title = NullIfBlank(article.Title),
            Byline = NullIfBlank(article.Author ?? article.Byline),
            Published = article.PublicationDate is { } d ? new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)) : null,
            Language = NullIfBlank(article.Language),
            Text = article.TextContent?.Trim() ?? "",
        };
    }

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
