using AngleSharp.Html.Parser;

namespace NewsBrief.Scrapers.Parsing;

/// <summary>Finds the feeds an HTML page points to, for <c>sources add &lt;site url&gt;</c> and for "this is a page, not a feed" errors.</summary>
public static class FeedDiscovery
{
    private static readonly string[] FeedTypes =
        ["application/rss+xml", "application/atom+xml", "application/feed+json", "application/rdf+xml", "application/xml", "text/xml"];

    private static readonly string[] FeedPathEndings =
        ["/feed", "/feed/", "/rss", "/rss/", "/atom", "/feeds", "/rss.xml", "/atom.xml", "/feed.xml", "/index.xml", "/feed.json", "/index.rdf", ".rss", ".atom"];

    /// <summary>
    /// Feed URLs the page names, best first: &lt;link rel="alternate"&gt; of a feed type, then links
    /// whose path looks like a feed (/feed, /rss.xml, ...). Absolute, distinct, http(s) only.
    /// </summary>
    public static IReadOnlyList<Uri> Discover(string html, Uri pageUrl)
    {
        if (!MayNameAFeed(html, pageUrl)) return [];
        var document = new HtmlParser().ParseDocument(html);
        var baseUri = FeedElements.Resolve(document.QuerySelector("base[href]")?.GetAttribute("href"), pageUrl) ?? pageUrl;
        var found = new List<Uri>();
        foreach (var link in document.QuerySelectorAll("link[rel][href]"))
        {
            var rel = link.GetAttribute("rel")!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var type = link.GetAttribute("type")?.Split(';')[0].Trim().ToLowerInvariant();
            if (rel.Contains("alternate", StringComparer.OrdinalIgnoreCase) && type is not null && FeedTypes.Contains(type))
                Add(found, FeedElements.Resolve(link.GetAttribute("href"), baseUri));
        }
        foreach (var anchor in document.QuerySelectorAll("a[href]"))
        {
            var target = FeedElements.Resolve(anchor.GetAttribute("href"), baseUri);
            if (target is not null && FeedPathEndings.Any(e => target.AbsolutePath.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
                Add(found, target);
        }
        return found;
    }

    /// <summary>
    /// A cheap look before any HTML parse: every result needs one of these words, in the page (a feed link's
    /// rel="alternate", a path ending in /feed, .rss, /atom.xml, /index.rdf, ...; a &lt;base&gt;) or in the page's own
    /// path (links such as "#top" or "." resolve against it). Most article pages have none and cost one scan.
    /// </summary>
    internal static bool MayNameAFeed(string html, Uri pageUrl)
    {
        foreach (var word in Hints)
        {
            if (html.Contains(word, StringComparison.OrdinalIgnoreCase) || pageUrl.AbsolutePath.Contains(word, StringComparison.OrdinalIgnoreCase)) return true;
        }
        // A reference such as &#102;eed could spell a word in an attribute; leave such pages to the parser.
        return html.Contains("&#", StringComparison.Ordinal);
    }

    private static readonly string[] Hints = ["alternate", "feed", "rss", "atom", "index"];

    private static void Add(List<Uri> found, Uri? uri)
    {
        if (uri is not null && !found.Contains(uri)) found.Add(uri);
    }
}
