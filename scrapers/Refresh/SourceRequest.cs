using NewsBrief.Core.Configuration;
using NewsBrief.Core.Domain;
using NewsBrief.Scrapers.Fetching;

namespace NewsBrief.Scrapers.Refresh;

/// <summary>A request with a source's own Headers, Cookie and UserAgent, their <c>${ENV}</c> references expanded now (never stored).</summary>
public static class SourceRequest
{
    public static FetchRequest For(Source source, Uri url, string? etag = null, string? lastModified = null)
    {
        // Pages on another host than the source's get the user agent only: the cookie and headers are the source's site's.
        var ownHost = string.Equals(url.Host, source.Url.Host, StringComparison.OrdinalIgnoreCase);
        return new FetchRequest(url, etag, lastModified)
        {
            UserAgent = source.UserAgent is { } agent ? EnvironmentReferences.Expand(agent) : null,
            Headers = ownHost && source.Headers.Count > 0 ? source.Headers.ToDictionary(h => h.Key, h => EnvironmentReferences.Expand(h.Value)) : null,
            Cookie = ownHost && source.Cookie is { } cookie ? EnvironmentReferences.Expand(cookie) : null,
        };
    }
}
