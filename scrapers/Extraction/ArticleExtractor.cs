using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using SmartReader;

namespace NewsBrief.Scrapers.Extraction;

/// <summary>
/// Extracts the main text and metadata of an article page; pure, no I/O, never throws on a hostile page.
/// Metadata and SmartReader read one parsed tree, and SmartReader's content element is read in place.
/// </summary>
public static class ArticleExtractor
{
    /// <summary>Pages nested deeper than this get metadata only: the engines below walk the tree recursively.</summary>
    internal const int MaxDepth = 400;

    /// <summary>Markup nested deeper than this is refused before parsing (see <see cref="RawNesting"/>).</summary>
    internal const int MaxRawDepth = 3000;

    private const int ShortBody = 250;

    /// <summary>The default time one page may take: far above a real article (a few milliseconds), far below a poll's patience.</summary>
    public static readonly TimeSpan DefaultBudget = TimeSpan.FromSeconds(3);

    public static ExtractedArticle Extract(string html, Uri url) => Extract(html, url, BodyStrategy.Combined);

    public static ExtractedArticle Extract(string html, Uri url, BodyStrategy strategy) => Extract(html, url, strategy, DefaultBudget);

    /// <summary>
    /// Extracts within <paramref name="budget"/>: a page still unread when it runs out is refused with a
    /// <see cref="ExtractedArticle.Problem"/>; once SmartReader has a body, our own scorer is not started late.
    /// </summary>
    public static ExtractedArticle Extract(string html, Uri url, BodyStrategy strategy, TimeSpan budget, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        var clock = new ExtractionBudget(time ?? TimeProvider.System, budget);
        if (string.IsNullOrWhiteSpace(html)) return Failed(url, null);
        if (BinaryContent.Looks(html)) return Failed(url, "the content is binary (an image, a PDF or an archive?), not an HTML page");
        if (RawNesting.Exceeds(html, MaxRawDepth)) return Failed(url, $"the page is too deeply nested (over {MaxRawDepth} levels of tags)");
        try
        {
            var document = Parse(html);
            if (DocumentDepth.Exceeds(document, MaxDepth)) return Failed(url, $"the page is too deeply nested (over {MaxDepth} levels of elements)");
            var meta = ArticleMetadataReader.Read(document, url);
            if (clock.Exceeded) return Failed(url, $"the page took longer than the extraction budget of {budget.TotalSeconds:0.###} s");
            return new ExtractedArticle
            {
                Url = url,
                CanonicalUrl = meta.CanonicalUrl,
                Title = meta.Title,
                Byline = meta.Byline,
                Published = meta.Published,
                Language = meta.Language,
                LeadImage = meta.LeadImage,
                Text = Body(document, html, url, strategy, meta.Title, clock),
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
    private static string Body(IDocument document, string html, Uri url, BodyStrategy strategy, string? title, ExtractionBudget clock) => strategy switch
    {
        BodyStrategy.Own => OwnBody(document, html, title),
        BodyStrategy.SmartReader => SmartReaderBody(document, url, title),
        _ => Combined(document, html, url, title, clock),
    };

    // Skipping SmartReader where our pass kept 90% of the page's paragraphs gained F1 on aeb and fundus but lost
    // 0.008 on readability, so SmartReader still runs first. Our scorer only ever won where SmartReader kept far
    // less than the page's paragraph text (4 of 375 evaluation pages, all under 0.27 of it), so it runs only there
    // (6% of pages): the second parse and our scorer were a quarter of the time. Not started once the budget is spent.
    private static string Combined(IDocument document, string html, Uri url, string? title, ExtractionBudget clock)
    {
        var paragraphs = ParagraphTextLength(document); // before SmartReader reshapes the tree
        var smart = SmartReaderBody(document, url, title);
        if (clock.Exceeded) return smart;
        if (smart.Length >= ShortBody && smart.Length >= paragraphs * SmartReaderKeptEnough) return smart;
        var own = OwnBody(Parse(html), html, title);
        return smart.Length >= ShortBody && smart.Length * 2 >= own.Length ? smart : PickLonger(smart, own);
    }

    /// <summary>A SmartReader body at least this share of the page's paragraph text is kept without running our scorer.</summary>
    private const double SmartReaderKeptEnough = 0.3;

    private static int ParagraphTextLength(IDocument document)
    {
        var length = 0;
        if (document.Body is { } body)
            foreach (var paragraph in body.QuerySelectorAll("p")) length += paragraph.TextContent.AsSpan().Trim().Length;
        return length;
    }

    private static string PickLonger(string a, string b) => b.Length > a.Length ? b : a;

    internal static string OwnBody(string html, string? title = null) => OwnBody(Parse(html), html, title);

    /// <summary>Our scorer with class hints; without them on a fresh tree when that finds too little.</summary>
    internal static string OwnBody(IDocument document, string html, string? title)
    {
        var first = OwnBody(document, byClassHints: true, title);
        if (first.Length >= ShortBody) return first;
        return PickLonger(first, OwnBody(Parse(html), byClassHints: false, title));
    }

    private static string OwnBody(IDocument document, bool byClassHints, string? title)
    {
        BoilerplateRemover.Strip(document, byClassHints);
        var content = ContentScorer.FindContent(document);
        var parts = new List<string>();
        foreach (var element in content)
        {
            ContentCleaner.Clean(element, title);
            var text = BlockTextWriter.Write(element);
            if (text.Length > 0) parts.Add(text);
        }
        return string.Join("\n\n", parts);
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
