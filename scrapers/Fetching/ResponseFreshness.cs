using NewsBrief.Core.Net;

namespace NewsBrief.Scrapers.Fetching;

/// <summary>How long a fetched response may be kept: the server's max-age or Expires, held to the same 7-day bound as Retry-After.</summary>
public static class ResponseFreshness
{
    /// <summary>Cache-Control max-age wins, else Expires minus the server's Date (or now); null when neither is sent.</summary>
    public static TimeSpan? MaxAge(HttpResponseMessage response, DateTimeOffset now)
    {
        if (response.Headers.CacheControl?.MaxAge is { } maxAge) return RetryAfterParser.Clamp(maxAge);
        if (response.Content.Headers.Expires is { } expires)
            return RetryAfterParser.Clamp(expires - (response.Headers.Date ?? now));
        return null;
    }
}
