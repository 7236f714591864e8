using System.Globalization;
using System.Net.Http.Headers;

namespace NewsBrief.Scrapers.Fetching;

/// <summary>Reads the server's timing hints: Retry-After (seconds or HTTP-date) and freshness (max-age or Expires).</summary>
public static class RetryAfterParser
{
    private static readonly TimeSpan Longest = TimeSpan.FromDays(7);

    /// <summary>The delay a Retry-After value asks for, measured from <paramref name="now"/>; null when absent or unreadable.</summary>
    public static TimeSpan? Parse(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value.Trim();
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return Clamp(TimeSpan.FromSeconds(Math.Min(seconds, (long)Longest.TotalSeconds)));
        if (DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date))
            return Clamp(date - now);
        return null;
    }

    /// <summary>The delay from a response's Retry-After header.</summary>
    public static TimeSpan? From(HttpResponseHeaders headers, DateTimeOffset now)
    {
        if (headers.RetryAfter is { } retry)
        {
            if (retry.Delta is { } delta) return Clamp(delta);
            if (retry.Date is { } date) return Clamp(date - now);
        }
        return headers.TryGetValues("Retry-After", out var raw) ? Parse(raw.FirstOrDefault(), now) : null;
    }

    /// <summary>How long the response may be kept: Cache-Control max-age wins, else Expires minus the server's Date (or now).</summary>
    public static TimeSpan? MaxAge(HttpResponseMessage response, DateTimeOffset now)
    {
        if (response.Headers.CacheControl?.MaxAge is { } maxAge) return Clamp(maxAge);
        if (response.Content.Headers.Expires is { } expires)
            return Clamp(expires - (response.Headers.Date ?? now));
        return null;
    }

    private static TimeSpan Clamp(TimeSpan value) =>
        value < TimeSpan.Zero ? TimeSpan.Zero : value > Longest ? Longest : value;
}
