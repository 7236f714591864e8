using System.Globalization;
using System.Net;
using System.Text;

namespace NewsBrief.Tests.Support;

/// <summary>Builds a small RSS 2.0 document for tests.</summary>
public sealed class RssBuilder
{
    private readonly List<(string Title, string Link, string Description, DateTimeOffset Date, string? Guid)> _items = [];

    public RssBuilder Item(string title, string link, string description, DateTimeOffset date, string? guid = null)
    {
        _items.Add((title, link, description, date, guid));
        return this;
    }

    public string Build(string title = "Test feed")
    {
        var xml = new StringBuilder($"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel><title>{WebUtility.HtmlEncode(title)}</title><link>https://example.org/</link>");
        foreach (var i in _items)
        {
            xml.Append($"<item><title>{WebUtility.HtmlEncode(i.Title)}</title><link>{WebUtility.HtmlEncode(i.Link)}</link>");
            xml.Append($"<description>{WebUtility.HtmlEncode(i.Description)}</description>");
            xml.Append($"<pubDate>{i.Date.ToString("R", CultureInfo.InvariantCulture)}</pubDate>");
            if (i.Guid is not null) xml.Append($"<guid isPermaLink=\"false\">{WebUtility.HtmlEncode(i.Guid)}</guid>");
            xml.Append("</item>");
        }
        return xml.Append("</channel></rss>").ToString();
    }
}
