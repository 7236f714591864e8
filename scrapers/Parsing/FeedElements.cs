using System.Net;
using System.Text;

namespace NewsBrief.Scrapers.Parsing;

/// <summary>Namespace-tolerant lookups and text cleaning shared by the RSS and Atom mappers.</summary>
internal static class FeedElements
{
    public const string Atom = "http://www.w3.org/2005/Atom";
    public const string Dc = "http://purl.org/dc/elements/1.1/";
    public const string Content = "http://purl.org/rss/1.0/modules/content/";
    public const string Sy = "http://purl.org/rss/1.0/modules/syndication/";
    public const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public const string Itunes = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    public const string Xml = "http://www.w3.org/XML/1998/namespace";

    /// <summary>The first child with this local name in the parent's own namespace (or none): not an extension's element of the same name.</summary>
    public static FeedNode? Own(FeedNode? parent, string localName)
    {
        if (parent is null) return null;
        foreach (var e in parent.Children)
        {
            if (e.LocalName == localName && (e.NamespaceName == parent.NamespaceName || e.NamespaceName.Length == 0)) return e;
        }
        return null;
    }

    public static IEnumerable<FeedNode> OwnAll(FeedNode parent, string localName) =>
        parent.Children.Where(e => e.LocalName == localName && (e.NamespaceName == parent.NamespaceName || e.NamespaceName.Length == 0));

    /// <summary>An extension element; namespace URIs are compared ignoring case, as feeds spell them variously (iTunes' DTDs/PodCast).</summary>
    public static FeedNode? Ext(FeedNode parent, string ns, string localName)
    {
        foreach (var e in parent.Children)
        {
            if (e.LocalName == localName && string.Equals(e.NamespaceName, ns, StringComparison.OrdinalIgnoreCase)) return e;
        }
        return null;
    }

    public static string? Text(FeedNode? element) =>
        element is null || string.IsNullOrWhiteSpace(element.Value) ? null : element.Value.Trim();

    /// <summary>A title as a reader shows it: entities decoded, tags dropped, whitespace collapsed.</summary>
    public static string? PlainText(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value;
        if (text.Contains('<')) text = DropTags(text);
        if (text.Contains('&')) text = WebUtility.HtmlDecode(text);
        text = CollapseWhitespace(text).Trim();
        return text.Length == 0 ? null : text;
    }

    /// <summary>
    /// Each tag (<c>&lt;</c>, an optional <c>/</c>, a letter, anything up to <c>&gt;</c>) becomes one space, in one
    /// pass: once no <c>&gt;</c> follows, nothing later is a tag, so text full of <c>&lt;a</c> stays linear.
    /// </summary>
    public static string DropTags(string text)
    {
        StringBuilder? output = null;
        var copied = 0;
        var i = text.IndexOf('<');
        while (i >= 0 && i < text.Length - 1)
        {
            var letter = text[i + 1] == '/' ? i + 2 : i + 1;
            if (letter < text.Length && char.IsAsciiLetter(text[letter]))
            {
                var close = text.IndexOf('>', letter + 1);
                if (close < 0) break;
                (output ??= new StringBuilder(text.Length)).Append(text, copied, i - copied).Append(' ');
                copied = close + 1;
                i = text.IndexOf('<', copied);
                continue;
            }
            i = text.IndexOf('<', i + 1);
        }
        if (output is null) return text;
        return output.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>Every run of white space (as <c>\s</c> matches it) as one space; the text itself when it has no run to change.</summary>
    public static string CollapseWhitespace(string text)
    {
        var i = 0;
        for (; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]) && (text[i] != ' ' || (i + 1 < text.Length && char.IsWhiteSpace(text[i + 1])))) break;
        }
        if (i == text.Length) return text;
        var output = new StringBuilder(text.Length).Append(text, 0, i);
        var inRun = false;
        for (; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                if (!inRun) output.Append(' ');
                inRun = true;
            }
            else
            {
                output.Append(text[i]);
                inRun = false;
            }
        }
        return output.ToString();
    }

    /// <summary>The base URI in force at an element: the xml:base attributes of it and its ancestors applied in order.</summary>
    public static Uri BaseOf(FeedNode element, Uri start) => BaseChain.Apply(element.Bases, start);

    /// <summary>An absolute http(s) link, or null for anything else (javascript:, mailto:, garbage).</summary>
    public static Uri? Resolve(string? href, Uri baseUri)
    {
        if (string.IsNullOrWhiteSpace(href)) return null;
        if (!Uri.TryCreate(baseUri, href.Trim(), out var absolute)) return null;
        return absolute.Scheme is "http" or "https" ? absolute : null;
    }

    /// <summary>The Atom link with the given rel (no rel counts as alternate), preferring HTML ones.</summary>
    public static FeedNode? AtomLink(FeedNode parent, string rel = "alternate")
    {
        FeedNode? other = null;
        foreach (var e in parent.Children)
        {
            if (e.LocalName != "link" || e.Attribute("href") is null || (e.Attribute("rel")?.Trim() ?? "alternate") != rel) continue;
            if (e.Attribute("type") is null or "text/html") return e;
            other ??= e;
        }
        return other;
    }

    public static TimeSpan? SyndicationPeriod(FeedNode channel)
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
}
