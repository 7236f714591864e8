using NewsBrief.Scrapers.Fetching;
using NewsBrief.Scrapers.Parsing;

namespace NewsBrief.Bot.Sources;

/// <summary>A feed found for a URL a user gave: its address and what it holds.</summary>
public sealed record FoundFeed(Uri Url, string? Title, int Items);

/// <summary>
/// Finds the feed behind a URL a user gave (<c>sources add</c>): the URL itself when it is a feed, else
/// the feeds its page links to, tried best first. User URLs go through the private-address guard.
/// </summary>
public sealed class FeedFinder(HttpFetcher fetcher)
{
    public const int MaxCandidates = 5;

    public async Task<(FoundFeed? Feed, string? Error)> FindAsync(Uri url, CancellationToken ct)
    {
        var page = await fetcher.FetchAsync(new FetchRequest(url) { UserSupplied = true }, ct);
        if (!page.IsOk) return (null, $"{url}: {page.Message}");
        var final = page.FinalUrl ?? url;
        IReadOnlyList<Uri> candidates;
        try
        {
            var feed = FeedParser.Parse(page.Body ?? "", final);
            return (new FoundFeed(final, feed.Title, feed.Items.Count), null);
        }
        catch (FeedParseException e)
        {
            candidates = e.FeedUrls.Count > 0 ? e.FeedUrls : FeedDiscovery.Discover(page.Body ?? "", final);
            if (candidates.Count == 0) return (null, $"{url}: {e.Message}; and the page links to no feed");
        }
        var reasons = new List<string>();
        foreach (var candidate in candidates.Take(MaxCandidates))
        {
            var result = await fetcher.FetchAsync(new FetchRequest(candidate) { UserSupplied = true }, ct);
            if (!result.IsOk)
            {
                reasons.Add($"{candidate}: {result.Message}");
                continue;
            }
            try
            {
                var feed = FeedParser.Parse(result.Body ?? "", result.FinalUrl ?? candidate);
                return (new FoundFeed(result.FinalUrl ?? candidate, feed.Title, feed.Items.Count), null);
            }
            catch (FeedParseException e)
            {
                reasons.Add($"{candidate}: {e.Message}");
            }
        }
        return (null, $"{url}: none of the feeds the page links to could be read ({string.Join("; ", reasons)})");
    }
}
