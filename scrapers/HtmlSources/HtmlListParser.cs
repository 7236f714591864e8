using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using NewsBrief.Core.Domain;
using NewsBrief.Scrapers.Parsing;

namespace NewsBrief.Scrapers.HtmlSources;

/// <summary>Turns an HTML list page into feed items with the CSS selectors of an <c>html</c> source. Pure.</summary>
public static class HtmlListParser
{
    public static ParsedFeed Parse(string html, Uri pageUrl, HtmlSelectors selectors)
    {
        var document = new HtmlParser().ParseDocument(html);
        IHtmlCollection<IElement> nodes;
        try
        {
            nodes = document.QuerySelectorAll(selectors.Item);
        }
        catch (DomException e)
        {
            throw new FeedParseException($"the item selector '{selectors.Item}' is not valid CSS: {e.Message}");
        }
        var items = new List<FeedItem>();
        foreach (var node in nodes)
        {
            var linkElement = Select(node, selectors.Link);
            var href = linkElement?.GetAttribute("href");
            if (string.IsNullOrWhiteSpace(href) || !Uri.TryCreate(pageUrl, href.Trim(), out var link) || link.Scheme is not ("http" or "https"))
                continue;
            var title = Clean((selectors.Title is null ? linkElement : Select(node, selectors.Title))?.TextContent);
            if (title.Length == 0) continue;
            var dateElement = selectors.Date is null ? null : Select(node, selectors.Date);
            items.Add(new FeedItem
            {
                Title = title,
                Link = link,
                Description = selectors.Summary is null ? null : Clean(Select(node, selectors.Summary)?.TextContent),
                Published = ParseDate(dateElement?.GetAttribute("datetime") ?? dateElement?.TextContent),
            });
        }
        if (nodes.Length == 0)
            throw new FeedParseException($"no element matches the item selector '{selectors.Item}' on the page");
        return new ParsedFeed(document.Title, items);
    }

    private static IElement? Select(IElement scope, string selector)
    {
        try
        {
            return scope.Matches(selector) ? scope : scope.QuerySelector(selector);
        }
        catch (DomException e)
        {
            throw new FeedParseException($"the selector '{selector}' is not valid CSS: {e.Message}");
        }
    }

    private static string Clean(string? text) => string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static DateTimeOffset? ParseDate(string? text) =>
        DateTimeOffset.TryParse(text?.Trim(), System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var d) ? d : null;
}
