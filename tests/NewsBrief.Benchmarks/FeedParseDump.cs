using System.Globalization;
using System.Text.Json;
using NewsBrief.Scrapers.Parsing;

namespace NewsBrief.Benchmarks;

/// <summary>One JSON line per input holding every field the parser produced (or its error), to compare two versions of the parser file by file.</summary>
public static class FeedParseDump
{
    public static string Line(string path, string text, Uri baseUri)
    {
        try
        {
            var feed = FeedParser.Parse(text, baseUri);
            return JsonSerializer.Serialize(new
            {
                path,
                title = feed.Title,
                link = feed.Link?.ToString(),
                ttl = feed.Ttl?.ToString(),
                items = feed.Items.Select(i => new
                {
                    title = i.Title,
                    link = i.Link?.ToString(),
                    guid = i.Guid,
                    description = i.Description,
                    content = i.Content,
                    author = i.Author,
                    published = i.Published?.ToString("O", CultureInfo.InvariantCulture),
                }),
            });
        }
        catch (FeedParseException e)
        {
            return JsonSerializer.Serialize(new { path, error = e.Message, feeds = e.FeedUrls.Select(u => u.ToString()) });
        }
    }
}
