using System.Xml.Linq;
using static NewsBrief.Scrapers.Parsing.FeedElements;

namespace NewsBrief.Scrapers.Parsing;

/// <summary>Maps Atom 1.0 and 0.3 documents to <see cref="ParsedFeed"/>, honouring xml:base.</summary>
internal static class AtomMapper
{
    public static ParsedFeed Map(FeedNode feed, Uri baseUri, ParseBudget budget)
    {
        var feedBase = BaseOf(feed, baseUri);
        var feedLink = Resolve(AtomLink(feed)?.Attribute("href"), feedBase);
        var items = OwnAll(feed, "entry").Select(e => { budget.Tick(); return MapEntry(e, baseUri); }).OfType<FeedItem>().ToList();
        return new ParsedFeed(TextOf(Own(feed, "title")), items) { Link = feedLink };
    }

    private static FeedItem? MapEntry(FeedNode entry, Uri baseUri)
    {
        var entryBase = BaseOf(entry, baseUri);
        var linkElement = AtomLink(entry);
        var link = linkElement is null ? null : Resolve(linkElement.Attribute("href"), BaseOf(linkElement, baseUri));
        var id = Text(Own(entry, "id"));
        link ??= id is not null && id.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? Resolve(id, entryBase) : null;
        var published = FeedDateParser.Parse(Text(Own(entry, "published")))
            ?? FeedDateParser.Parse(Text(Own(entry, "issued")))
            ?? FeedDateParser.Parse(Text(Own(entry, "updated")))
            ?? FeedDateParser.Parse(Text(Own(entry, "modified")))
            ?? FeedDateParser.Parse(Text(Own(entry, "created")))
            ?? FeedDateParser.Parse(Text(Ext(entry, Dc, "date")));
        var author = Text(Own(Own(entry, "author"), "name")) ?? Text(Ext(entry, Dc, "creator"));
        return FeedItemBuilder.Build(TextOf(Own(entry, "title")), link, id, Markup(Own(entry, "summary")), Markup(Own(entry, "content")), author, published);
    }

    private static string? TextOf(FeedNode? element) => PlainText(Markup(element));

    /// <summary>Whether an element's content is XHTML markup (its type attribute says so): then its tree is kept.</summary>
    public static bool IsXhtml(string? type) => type?.Trim() is "xhtml" or "application/xhtml+xml";

    /// <summary>The element's content as markup or text: XHTML content is its inner XML, the rest its text.</summary>
    private static string? Markup(FeedNode? element)
    {
        if (element is null) return null;
        if (IsXhtml(element.Attribute("type")) && element.Tree is { } tree)
        {
            var container = tree.Elements().FirstOrDefault(e => e.Name.LocalName == "div") ?? tree;
            var inner = string.Concat(container.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting))).Trim();
            return inner.Length == 0 ? null : inner;
        }
        return Text(element);
    }
}
