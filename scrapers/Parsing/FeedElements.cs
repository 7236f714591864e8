using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace NewsBrief.Scrapers.Parsing;

/// <summary>Namespace-tolerant lookups and text cleaning shared by the RSS and Atom mappers.</summary>
internal static partial class FeedElements
{
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    public static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    public static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    public static readonly XNamespace Sy = "http://purl.org/rss/1.0/modules/syndication/";
    public static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public static readonly XNamespace Itunes = "http://www.itunes.com/dtds/podcast-1.0.dtd";

    /// <summary>The first child with this local name in the parent's own namespace (or none): not an extension's element of the same name.</summary>
    public static XElement? Own(XElement parent, string localName) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName && (e.Name.Namespace == parent.Name.Namespace || e.Name.Namespace == XNamespace.None));

    public static IEnumerable<XElement> OwnAll(XElement parent, string localName) =>
        parent.Elements().Where(e => e.Name.LocalName == localName && (e.Name.Namespace == parent.Name.Namespace || e.Name.Namespace == XNamespace.None));

    /// <summary>An extension element; namespace URIs are compared ignoring case, as feeds spell them variously (iTunes' DTDs/PodCast).</summary>
    public static XElement? Ext(XElement parent, XNamespace ns, string localName) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName && string.Equals(e.Name.NamespaceName, ns.NamespaceName, StringComparison.OrdinalIgnoreCase));

    public static string? Text(XElement? element) =>
        element is null || string.IsNullOrWhiteSpace(element.Value) ? null : element.Value.Trim();

    /// <summary>A title as a reader shows it: entities decoded, tags dropped, whitespace collapsed.</summary>
    public static string? PlainText(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value;
        if (text.Contains('<')) text = TagPattern().Replace(text, " ");
        if (text.Contains('&')) text = WebUtility.HtmlDecode(text);
        text = WhitespacePattern().Replace(text, " ").Trim();
        return text.Length == 0 ? null : text;
    }

    /// <summary>The base URI in force at an element: the xml:base attributes of it and its ancestors applied in order.</summary>
    public static Uri BaseOf(XElement element, Uri start)
    {
        var bases = element.AncestorsAndSelf().Select(e => e.Attribute(XNamespace.Xml + "base")?.Value).Where(v => !string.IsNullOrWhiteSpace(v)).Reverse();
        var current = start;
        foreach (var value in bases)
        {
            if (Uri.TryCreate(current, value!.Trim(), out var next)) current = next;
        }
        return current;
    }

    /// <summary>An absolute http(s) link, or null for anything else (javascript:, mailto:, garbage).</summary>
    public static Uri? Resolve(string? href, Uri baseUri)
    {
        if (string.IsNullOrWhiteSpace(href)) return null;
        if (!Uri.TryCreate(baseUri, href.Trim(), out var absolute)) return null;
        return absolute.Scheme is "http" or "https" ? absolute : null;
    }

    /// <summary>The href of the Atom link with the given rel (no rel counts as alternate), preferring HTML ones.</summary>
    public static XElement? AtomLink(XElement parent, string rel = "alternate") =>
        parent.Elements().Where(e => e.Name.LocalName == "link" && e.Attribute("href") is not null
                && (e.Attribute("rel")?.Value.Trim() ?? "alternate") == rel)
            .OrderBy(e => e.Attribute("type")?.Value is null or "text/html" ? 0 : 1)
            .FirstOrDefault();

    public static TimeSpan? SyndicationPeriod(XElement channel)
    {
        var period = Text(Ext(channel, Sy, "updatePeriod"))?.ToLowerInvariant();
        if (period is null) return null;
        var length = period switch
        {
            "hourly" => TimeSpan.FromHours(1),
            "daily" => TimeSpan.FromDays(1),
            "weekly" => TimeSpan.FromDays(7),
            "monthly" => TimeSpan.FromDays(30),
            "yearly" => TimeSpan.FromDays(365),
            _ => (TimeSpan?)null,
        };
        var frequency = int.TryParse(Text(Ext(channel, Sy, "updateFrequency")), out var f) && f > 0 ? f : 1;
        return length / frequency;
    }

    [GeneratedRegex(@"</?[A-Za-z][^>]*>")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();
}
