using NewsBrief.Scrapers.Fetching;
using NewsBrief.Scrapers.Parsing;

namespace NewsBrief.Bot.Sources;

/// <summary>
/// Reads one feed a user names, as a URL (fetched with the private-address guard) or a local file, and parses
/// it as the poller would: the same charset detection, depth limit and parse time budget. A failure is a
/// readable message, never an exception.
/// </summary>
public sealed class FeedInput(HttpFetcher fetcher, TimeProvider time, TimeSpan parseTimeBudget)
{
    private const long MaxFileBytes = 20 * 1024 * 1024;

    public async Task<(ParsedFeed? Feed, string? Error)> ReadAsync(string input, CancellationToken ct)
    {
        if (Uri.TryCreate(input, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            var result = await fetcher.FetchAsync(new FetchRequest(url) { UserSupplied = true }, ct);
            if (!result.IsOk) return (null, $"{url}: {result.Message}");
            return Parse(result.Body ?? "", result.FinalUrl ?? url, url.ToString());
        }
        if (url is not null && url.Scheme is not "file") return (null, $"{input}: only http(s) URLs and local files can be read");
        var path = url?.LocalPath ?? input;
        if (!File.Exists(path)) return (null, $"{input}: no such file, and not an http(s) URL");
        if (new FileInfo(path).Length > MaxFileBytes) return (null, $"{input}: the file is over 20 MiB");
        var text = CharsetDecoder.Decode(await File.ReadAllBytesAsync(path, ct));
        return Parse(text, new Uri(Path.GetFullPath(path)), input);
    }

    private (ParsedFeed?, string?) Parse(string text, Uri baseUri, string name)
    {
        try
        {
            return (FeedParser.Parse(text, baseUri, new ParseBudget(parseTimeBudget, time)), null);
        }
        catch (FeedParseException e)
        {
            return (null, $"{name}: {e.Message}");
        }
    }
}
