using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace NewsBrief.Bot.Web.Feeds;

/// <summary>One entry of an Atom feed; <see cref="Html"/> is the entry's content as HTML (escaped in the XML).</summary>
public sealed record AtomEntry(string Id, string Title, string Link, DateTimeOffset Updated, string? Html, string? Summary = null, string? Author = null);

/// <summary>Writes valid Atom 1.0 (RFC 4287): feed id, title, updated, self and alternate links, one &lt;entry&gt; each.</summary>
public static class AtomWriter
{
    public const string Namespace = "http://www.w3.org/2005/Atom";
    public const string ContentType = "application/atom+xml; charset=utf-8";

    public static string Write(string id, string title, string selfUrl, string alternateUrl, DateTimeOffset updated, IEnumerable<AtomEntry> entries)
    {
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false, Encoding = Encoding.UTF8, CheckCharacters = false }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Namespace);
            xml.WriteElementString("id", Namespace, id);
            xml.WriteElementString("title", Namespace, Clean(title));
            xml.WriteElementString("updated", Namespace, Stamp(updated));
            Link(xml, "self", selfUrl, "application/atom+xml");
            Link(xml, "alternate", alternateUrl, "text/html");
            xml.WriteStartElement("author", Namespace);
            xml.WriteElementString("name", Namespace, "NewsBrief");
            xml.WriteEndElement();
            xml.WriteElementString("generator", Namespace, "NewsBrief");
            foreach (var e in entries)
            {
                xml.WriteStartElement("entry", Namespace);
                xml.WriteElementString("id", Namespace, e.Id);
                xml.WriteElementString("title", Namespace, Clean(e.Title));
                xml.WriteElementString("updated", Namespace, Stamp(e.Updated));
                Link(xml, "alternate", e.Link, null);
                if (e.Author is { Length: > 0 })
                {
                    xml.WriteStartElement("author", Namespace);
                    xml.WriteElementString("name", Namespace, Clean(e.Author));
                    xml.WriteEndElement();
                }
                if (e.Summary is { Length: > 0 }) xml.WriteElementString("summary", Namespace, Clean(e.Summary));
                if (e.Html is not null)
                {
                    xml.WriteStartElement("content", Namespace);
                    xml.WriteAttributeString("type", "html");
                    xml.WriteString(Clean(e.Html));
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        // StringBuilder is UTF-16; the response is UTF-8, so the declaration must say so.
        return text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    private static void Link(XmlWriter xml, string rel, string href, string? type)
    {
        xml.WriteStartElement("link", Namespace);
        xml.WriteAttributeString("rel", rel);
        if (type is not null) xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Stamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Characters XML 1.0 cannot carry (control characters from a hostile feed) are dropped, not written.</summary>
    private static string Clean(string text)
    {
        if (text.All(XmlConvert.IsXmlChar)) return text;
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i])) clean.Append(text[i]);
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i])) { clean.Append(text[i]).Append(text[i + 1]); i++; }
        }
        return clean.ToString();
    }
}
