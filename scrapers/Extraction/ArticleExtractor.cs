using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using SmartReader;

namespace NewsBrief.Scrapers.Extraction;

/// <summary>Extracts the main text and metadata of an article page; pure, no I/O, never throws on a hostile page.</summary>
public static class ArticleExtractor
{
    /// <summary>Pages nested deeper than this get metadata only: the engines below walk the tree recursively.</summary>
    internal const int MaxDepth = 400;

    /// <summary>Markup nested deeper than this is refused before parsing (see <see cref="RawNesting"/>).</summary>
    internal const int MaxRawDepth = 3000;

    private const int ShortBody = 250;

    public static ExtractedArticle Extract(string html, Uri url) => Extract(html, url, BodyStrategy.Combined);

    public static ExtractedArticle Extract(string html, Uri url, BodyStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (string.IsNullOrWhiteSpace(html) || BinaryContent.Looks(html) || RawNesting.Exceeds(html, MaxRawDepth)) return new ExtractedArticle { Url = url, Text = "" };
        try
        {
            var document = Parse(html);
            if (DocumentDepth.Exceeds(document, MaxDepth)) return new ExtractedArticle { Url = url, Text = "" };
            var meta = ArticleMetadataReader.Read(document, url);
            return new ExtractedArticle
            {
                Url = url,
                CanonicalUrl = meta.CanonicalUrl,
                Title = meta.Title,
                Byline = meta.Byline,
                Published = meta.Published,
                Language = meta.Language,
                LeadImage = meta.LeadImage,
                Text = Body(html, url, strategy),
            };
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A page we cannot read is an empty article, not a failed poll.
            return new ExtractedArticle { Url = url, Text = "" };
        }
    }

    private static string Body(string html, Uri url, BodyStrategy strategy) => strategy switch
    {
        BodyStrategy.Own => OwnBody(html),
        BodyStrategy.SmartReader => SmartReaderBody(html, url),
        _ => Longer(SmartReaderBody(html, url), html),
    };

    private static string Longer(string smart, string html)
    {
        var own = OwnBody(html);
        return smart.Length >= ShortBody && smart.Length * 2 >= own.Length ? smart : PickLonger(smart, own);
    }

    private static string PickLonger(string a, string b) => b.Length > a.Length ? b : a;

    internal static string OwnBody(string html)
    {
        var text = OwnBody(Parse(html), byClassHints: true);
        return text.Length >= ShortBody ? text : PickLonger(text, OwnBody(Parse(html), byClassHints: false));
    }

    private static string OwnBody(IDocument document, bool byClassHints)
    {
        BoilerplateRemover.Strip(document, byClassHints);
        var content = ContentScorer.FindContent(document);
        var parts = new List<string>();
        foreach (var element in content)
        {
            ContentCleaner.Clean(element);
            var text = BlockTextWriter.Write(element);
            if (text.Length > 0) parts.Add(text);
        }
        return string.Join("\n\n", parts);
    }

    internal static string SmartReaderBody(string html, Uri url)
    {
        try
        {
            var reader = new Reader(url.ToString(), html) { Debug = false };
            var article = reader.GetArticle();
            if (string.IsNullOrWhiteSpace(article.Content)) return "";
            var fragment = Parse($"<html><body>{article.Content}</body></html>");
            if (fragment.Body is null) return "";
            ContentCleaner.Clean(fragment.Body);
            return BlockTextWriter.Write(fragment.Body);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return "";
        }
    }

    private static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);
}
