using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using NewsBrief.Core.Domain;

namespace NewsBrief.Bot.Sources;

/// <summary>
/// Sources as OPML 2.0 (what feed readers import and export): one <c>outline type="rss"</c> per feed, topics in
/// <c>category</c>, our id and poll interval in the <c>newsbrief:</c> namespace so a round trip loses nothing.
/// </summary>
public static class OpmlFile
{
    public static readonly XNamespace Ns = "urn:newsbrief:opml";

    /// <summary>A file beyond this is refused before parsing.</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    public static string Write(IReadOnlyList<Source> sources)
    {
        var body = new XElement("body", sources.Where(s => s.Kind == SourceKind.Feed).Select(s => new XElement("outline",
            new XAttribute("type", "rss"), new XAttribute("text", s.Name), new XAttribute("title", s.Name),
            new XAttribute("xmlUrl", s.Url.AbsoluteUri),
            s.Topics.Count > 0 ? new XAttribute("category", string.Join(",", s.Topics.Select(t => "/" + t))) : null,
            new XAttribute(Ns + "id", s.Id),
            new XAttribute(Ns + "pollInterval", s.PollInterval.ToString("c", CultureInfo.InvariantCulture)))));
        var doc = new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement("opml", new XAttribute("version", "2.0"),
            new XAttribute(XNamespace.Xmlns + "newsbrief", Ns.NamespaceName),
            new XElement("head", new XElement("title", "NewsBrief sources")), body));
        return doc.Declaration + "\n" + doc.ToString();
    }

    /// <summary>One feed read from an OPML outline; id and interval are null when the file has none of ours.</summary>
    public sealed record OpmlFeed(string? Id, string Name, Uri Url, IReadOnlyList<string> Topics, TimeSpan? PollInterval);

    /// <summary>Every outline with an http(s) <c>xmlUrl</c>, nested folders included; throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static IReadOnlyList<OpmlFeed> Read(string text)
    {
        XDocument doc;
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = MaxBytes });
            doc = XDocument.Load(reader);
        }
        catch (XmlException e) { throw new FormatException($"not well-formed XML at line {e.LineNumber}, position {e.LinePosition}: {e.Message}"); }
        if (doc.Root?.Name.LocalName != "opml") throw new FormatException($"the root element is <{doc.Root?.Name.LocalName}>, not <opml>");
        var feeds = new List<OpmlFeed>();
        foreach (var o in doc.Root.Descendants("outline"))
        {
            var url = (string?)o.Attribute("xmlUrl");
            if (url is null) continue; // a folder
            if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                throw new FormatException($"outline '{(string?)o.Attribute("text")}': xmlUrl '{url}' is not an http(s) address");
            var name = ((string?)o.Attribute("title") ?? (string?)o.Attribute("text") ?? uri.Host).Trim();
            var topics = ((string?)o.Attribute("category") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(c => c.Trim('/').Split('/')[^1]).Where(c => c.Length > 0).ToList();
            TimeSpan? interval = TimeSpan.TryParse((string?)o.Attribute(Ns + "pollInterval"), CultureInfo.InvariantCulture, out var t) ? t : null;
            feeds.Add(new OpmlFeed((string?)o.Attribute(Ns + "id"), name.Length == 0 ? uri.Host : name, uri, topics, interval));
        }
        return feeds;
    }
}
