using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using SmartReader;

namespace NewsBrief.Scrapers.Extraction;

/// <summary>
/// Extracts the main text and metadata of an article page; pure, no I/O, never throws on a hostile page.
/// The page is parsed once: metadata and our own scorer read the same tree, and SmartReader (which
/// costs several times a parse) runs only when our first pass leaves much of the page's running text out.
/// </summary>
public static class ArticleExtractor
{
    /// <summary>Pages nested deeper than this get metadata only: the engines below walk the tree recursively.</summary>
    internal const int MaxDepth = 400;

    /// <summary>Markup nested deeper than this is refused before parsing (see <see cref="RawNesting"/>).</summary>
    internal const int MaxRawDepth = 3000;

    private const int ShortBody = 250;

    /// <summary>Our pass is clearly enough when it keeps this share of the page's running text.</summary>
    private const double ClearlyEnough = 0.9;

    public static ExtractedArticle Extract(string html, Uri url) => Extract(html, url, BodyStrategy.Combined);

    public static ExtractedArticle Extract(string html, Uri url, BodyStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (string.IsNullOrWhiteSpace(html)) return Failed(url, null);
        if (BinaryContent.Looks(html)) return Failed(url, "the content is binary (an image, a PDF or an archive?), not an HTML page");
        if (RawNesting.Exceeds(html, MaxRawDepth)) return Failed(url, $"the page is too deeply nested (over {MaxRawDepth} levels of tags)");
        try
        {
            var document = Parse(html);
            if (DocumentDepth.Exceeds(document, MaxDepth)) return Failed(url, $"the page is too deeply nested (over {MaxDepth} levels of elements)");
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
                Text = Body(document, html, url, strategy, meta.Title),
            };
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A page we cannot read is an empty article, not a failed poll.
            return Failed(url, $"the page could not be read ({e.GetType().Name})");
        }
    }

    private static ExtractedArticle Failed(Uri url, string? problem) => new() { Url = url, Text = "", Problem = problem };

    // Each engine takes the tree for itself: metadata has been read, and nothing after needs it intact.
    private static string Body(IDocument document, string html, Uri url, BodyStrategy strategy, string? title) => strategy switch
    {
        BodyStrategy.Own => OwnBody(document, html, title).Text,
        BodyStrategy.SmartReader => SmartReaderBody(document, url, title),
        _ => Combined(document, html, url, title),
    };

    private static string Combined(IDocument document, string html, Uri url, string? title)
    {
        var own = OwnBody(document, html, title);
        if (own.Text.Length >= ShortBody && own.Coverage >= ClearlyEnough) return own.Text;
        var smart = SmartReaderBody(Parse(html), url, title);
        return smart.Length >= ShortBody && smart.Length * 2 >= own.Text.Length ? smart : PickLonger(smart, own.Text);
    }

    private static string PickLonger(string a, string b) => b.Length > a.Length ? b : a;

    /// <summary>Our scorer's body and the share of the page's running text it kept.</summary>
    internal readonly record struct OwnResult(string Text, double Coverage);

    internal static string OwnBody(string html, string? title = null) => OwnBody(Parse(html), html, title).Text;

    /// <summary>Our scorer with class hints; without them on a fresh tree when that finds too little.</summary>
    internal static OwnResult OwnBody(IDocument document, string html, string? title)
    {
        var first = OwnBody(document, byClassHints: true, title);
        if (first.Text.Length >= ShortBody) return first;
        var second = OwnBody(Parse(html), byClassHints: false, title);
        return second.Text.Length > first.Text.Length ? second : first;
    }

    private static OwnResult OwnBody(IDocument document, bool byClassHints, string? title)
    {
        var coverage = ParagraphCoverage.Survey(document);
        BoilerplateRemover.Strip(document, byClassHints);
        var content = ContentScorer.FindContent(document);
        var parts = new List<string>();
        foreach (var element in content)
        {
            ContentCleaner.Clean(element, title);
            var text = BlockTextWriter.Write(element);
            if (text.Length > 0) parts.Add(text);
        }
        return new OwnResult(string.Join("\n\n", parts), coverage.KeptBy(content));
    }

    internal static string SmartReaderBody(string html, Uri url, string? title = null) => SmartReaderBody(Parse(html), url, title);

    /// <summary>SmartReader's body on a tree it may change; its content element is read in place rather than serialised and parsed again.</summary>
    internal static string SmartReaderBody(IDocument document, Uri url, string? title)
    {
        try
        {
            if (document is not AngleSharp.Html.Dom.IHtmlDocument page) return "";
            IElement? content = null;
            var reader = new Reader(url.ToString(), page) { Debug = false };
            reader.AddCustomOperationEnd(element => content = element);
            reader.GetArticle();
            if (content is null) return "";
            ContentCleaner.Clean(content, title);
            return BlockTextWriter.Write(content);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return "";
        }
    }

    private static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);
}
