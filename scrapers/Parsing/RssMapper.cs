using System.Globalization;
using static NewsBrief.Scrapers.Parsing.FeedElements;

namespace NewsBrief.Scrapers.Parsing;

/// <summary>Maps RSS 0.9x, 2.0 and RDF (RSS 0.90 and 1.0) documents to <see cref="ParsedFeed"/>.</summary>
internal static class RssMapper
{
    public static ParsedFeed Map(FeedNode root, Uri baseUri, ParseBudget budget)
    {
        var channel = root.LocalName == "channel" ? root : Own(root, "channel") ?? root.Children.FirstOrDefault(e => e.LocalName == "channel");
        var rootBase = BaseOf(channel ?? root, baseUri);
        var feedLink = channel is null ? null : Resolve(Text(Own(channel, "link")) ?? AtomLink(channel)?.Attribute("href"), rootBase);
        // Relative item links are resolved against the site's link, as readers do; xml:base still wins where given.
        var itemBase = feedLink ?? rootBase;
        // RSS 2.0 puts items in the channel; RDF puts them beside it. A bare <channel> root is both: read it once.
        var containers = channel is null ? [root] : ReferenceEquals(channel, root) ? [root] : new[] { channel, root };
        var items = containers.SelectMany(c => c.Children)
            .Where(e => e.LocalName == "item")
            .Select(e => { budget.Tick(); return MapItem(e, itemBase); })
            .OfType<FeedItem>()
            .ToList();
        var title = channel is null ? null : PlainText(Text(Own(channel, "title")) ?? Text(Ext(channel, Dc, "title")));
        return new ParsedFeed(title, items, channel is null ? null : Ttl(channel))
        {
            Link = feedLink,
        };
    }

    private static TimeSpan? Ttl(FeedNode channel)
    {
        if (int.TryParse(Text(Own(channel, "ttl")), NumberStyles.Integer, CultureInfo.InvariantCulture, out var minutes) && minutes > 0)
            return TimeSpan.FromMinutes(Math.Min(minutes, 60 * 24 * 30));
        return SyndicationPeriod(channel);
    }

    private static FeedItem? MapItem(FeedNode item, Uri feedBase)
    {
        var itemBase = BaseOf(item, feedBase);
        var guidElement = Own(item, "guid");
        var guid = Text(guidElement) ?? item.Attribute("about", Rdf)?.Trim();
        var link = Resolve(Text(Own(item, "link")), itemBase)
            ?? Resolve(AtomLink(item)?.Attribute("href"), itemBase)
            ?? (guidElement?.Attribute("isPermaLink")?.Trim().ToLowerInvariant() != "false" && guid is not null && guid.StartsWith("http", StringComparison.OrdinalIgnoreCase)
                ? Resolve(guid, itemBase) : null)
            ?? Resolve(item.Attribute("about", Rdf), itemBase);
        var description = Text(Own(item, "description")) ?? Text(Ext(item, Dc, "description")) ?? Text(Ext(item, Itunes, "summary"));
        var content = Text(Ext(item, Content, "encoded"));
        var published = FeedDateParser.Parse(Text(Own(item, "pubDate")))
            ?? FeedDateParser.Parse(Text(Ext(item, Dc, "date")))
            ?? FeedDateParser.Parse(Text(Ext(item, Atom, "published")))
            ?? FeedDateParser.Parse(Text(Ext(item, Atom, "updated")));
        var author = Text(Ext(item, Dc, "creator")) ?? Text(Own(item, "author")) ?? Text(Ext(item, Itunes, "author"));
        return FeedItemBuilder.Build(PlainText(Text(Own(item, "title")) ?? Text(Ext(item, Dc, "title"))), link, guid, description, content, author, published);
    }
}
