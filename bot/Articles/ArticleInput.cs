using NewsBrief.Core.Domain;
using NewsBrief.Scrapers.Extraction;
using NewsBrief.Scrapers.Fetching;

namespace NewsBrief.Bot.Articles;

/// <summary>
/// Reads one article a user names, as a URL (fetched with the private-address guard) or a local HTML
/// file, and extracts it. A failure is a readable message, never an exception.
/// </summary>
public sealed class ArticleInput(HttpFetcher fetcher)
{
    public async Task<(ExtractedArticle? Article, string? Error)> ReadAsync(string input, CancellationToken ct)
    {
        if (Uri.TryCreate(input, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            var page = await fetcher.FetchAsync(new FetchRequest(url) { UserSupplied = true }, ct);
            if (!page.IsOk) return (null, $"{url}: {page.Message}");
            if (string.IsNullOrWhiteSpace(page.Body)) return (null, $"{url}: the page is empty");
            return Checked(url.ToString(), ArticleExtractor.Extract(page.Body, page.FinalUrl ?? url));
        }
        if (url is not null && url.Scheme is not "file") return (null, $"{input}: only http(s) URLs and local files can be read");
        var path = url?.LocalPath ?? input;
        if (!File.Exists(path)) return (null, $"{input}: no such file, and not an http(s) URL");
        var info = new FileInfo(path);
        if (info.Length > 20 * 1024 * 1024) return (null, $"{input}: the file is over 20 MiB");
        var html = await File.ReadAllTextAsync(path, ct);
        return Checked(input, ArticleExtractor.Extract(html, new Uri(Path.GetFullPath(path))));
    }

    /// <summary>An article read this way as a story of its own (id 0; the article is id 1, as its citations say).</summary>
    public static Story AsStory(ExtractedArticle article, string title) => Story.Of(new Article
    {
        Id = 1, SourceId = "", Url = article.Url.ToString(), CanonicalUrl = (article.CanonicalUrl ?? article.Url).ToString(),
        Title = title, Text = article.Text, Published = article.Published,
    });

    // A page extraction refused (too deeply nested, binary) is the user's error to read, not an empty article.
    private static (ExtractedArticle? Article, string? Error) Checked(string input, ExtractedArticle article) =>
        article.Problem is { } problem ? (null, $"{input}: {problem}") : (article, null);
}
