using System.Text.RegularExpressions;
using System.Xml;

namespace NewsBrief.Scrapers.Parsing;

/// <summary>
/// Parses RSS, RDF, Atom and JSON Feed documents into <see cref="ParsedFeed"/>; pure, no I/O.
/// Ill-formed XML is repaired and read as far as it goes, as a browser would; anything that is
/// still not a feed becomes a <see cref="FeedParseException"/> with a reason a user can act on.
/// </summary>
public static partial class FeedParser
{
    /// <summary>Parses with the default depth limit and no time limit.</summary>
    public static ParsedFeed Parse(string content, Uri baseUri) => Parse(content, baseUri, ParseBudget.DepthOnly());

    /// <summary>Parses within <paramref name="budget"/>: deeper nesting or a longer parse is a <see cref="FeedParseException"/> saying so.</summary>
    public static ParsedFeed Parse(string content, Uri baseUri, ParseBudget budget)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(baseUri);
        ArgumentNullException.ThrowIfNull(budget);
        try
        {
            return ParseDocument(content, baseUri, budget);
        }
        catch (FeedParseException)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new FeedParseException($"not a readable feed: {e.GetType().Name}: {e.Message}", e);
        }
    }

    private static ParsedFeed ParseDocument(string content, Uri baseUri, ParseBudget budget)
    {
        var trimmed = content.TrimStart('\uFEFF', '\u200B', ' ', '\t', '\r', '\n', '\0');
        if (trimmed.Length == 0) throw new FeedParseException("the document is empty");
        if (trimmed[0] is '{' or '[') return JsonFeedReader.Read(trimmed, baseUri, budget);
        if (LooksLikeHtml(trimmed)) throw HtmlPage(trimmed, baseUri);
        if (trimmed[0] != '<') throw new FeedParseException($"not a feed: the document does not start with '<' or '{{' but with \"{Excerpt(trimmed)}\"");
        var (root, fault) = Load(trimmed, budget);
        if (root is null)
            throw new FeedParseException($"not well-formed XML and nothing could be recovered: {fault?.Invoke() ?? "no root element"}");
        var feed = root.LocalName switch
        {
            "rss" or "RDF" or "channel" => RssMapper.Map(root, baseUri, budget),
            "feed" => AtomMapper.Map(root, baseUri, budget),
            // An Atom entry document: one entry standing alone.
            "entry" => AtomMapper.Map(EntryDocument(root), baseUri, budget),
            "html" => throw HtmlPage(trimmed, baseUri),
            var other => throw new FeedParseException($"not a feed: the root element is <{other}>, expected <rss>, <feed> or <entry> (Atom), or <rdf:RDF>"),
        };
        if (fault is not null && feed.Items.Count == 0 && feed.Title is null)
            throw new FeedParseException($"not well-formed XML ({fault()}) and neither a title nor any item could be read from it");
        return feed;
    }

    /// <summary>
    /// The root element: streamed strictly (fast, exact); when that meets a fault, read again by
    /// <see cref="LenientXmlReader"/>, which reads past the faults a browser reads past.
    /// </summary>
    private static (FeedNode? Root, Func<string>? Fault) Load(string xml, ParseBudget budget)
    {
        if (EntityScan.HasUndeclaredEntity(xml))
        {
            // Sure to fail strictly: read leniently at once; the strict reader's words are wanted only for an error.
            return (Lenient(xml, budget), () => StrictFault(xml, budget));
        }
        try
        {
            return (StreamingFeedReader.Read(xml, budget), null);
        }
        catch (XmlException e)
        {
            return (Lenient(xml, budget), () => e.Message);
        }
    }

    private static FeedNode? Lenient(string xml, ParseBudget budget)
    {
        var root = LenientXmlReader.Read(xml, budget);
        return root is null ? null : FeedNode.From(root, null, budget);
    }

    private static string StrictFault(string xml, ParseBudget budget)
    {
        try
        {
            StreamingFeedReader.Read(xml, budget);
            return "not well-formed XML";
        }
        catch (XmlException e)
        {
            return e.Message;
        }
    }

    /// <summary>An Atom entry document read as a feed of that one entry.</summary>
    private static FeedNode EntryDocument(FeedNode entry)
    {
        var feed = new FeedNode("feed", entry.NamespaceName);
        feed.AddChild(entry);
        return feed;
    }

    /// <summary>The error for an HTML page, naming the feed the page links to when it has one.</summary>
    private static FeedParseException HtmlPage(string html, Uri baseUri)
    {
        IReadOnlyList<Uri> feeds;
        try { feeds = FeedDiscovery.Discover(html, baseUri); }
        catch (Exception e) when (e is not OutOfMemoryException) { feeds = []; }
        var message = feeds.Count switch
        {
            0 => "the document is an HTML page, not a feed, and the page links to no feed",
            1 => $"the document is an HTML page, not a feed; the page names its feed: use {feeds[0]}",
            _ => $"the document is an HTML page, not a feed; the page names {feeds.Count} feeds: use one of {string.Join(", ", feeds.Take(5))}",
        };
        return new FeedParseException(message) { FeedUrls = feeds };
    }

    private static bool LooksLikeHtml(string text)
    {
        var head = text.Length > 2048 ? text[..2048] : text;
        var match = FirstTagPattern().Match(head);
        return match.Success && match.Groups[1].Value.ToLowerInvariant() is "html" or "!doctype html" or "head" or "body";
    }

    private static string Excerpt(string text)
    {
        var excerpt = text.Length > 40 ? text[..40] + "…" : text;
        return excerpt.ReplaceLineEndings(" ");
    }

    // The first tag that is not the XML prolog, a processing instruction or a comment.
    [GeneratedRegex(@"^(?:\s*(?:<\?[^>]*\?>|<!--.*?-->))*\s*<(!doctype\s+html|[A-Za-z][\w:.-]*)", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FirstTagPattern();
}
