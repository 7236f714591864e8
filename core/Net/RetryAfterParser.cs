using System.Globalization;
using System.Net.Http.Headers;

namespace NewsBrief.Core.Net;

/// <summary>
/// The one reader of Retry-After for every client (fetch, model, webhooks, Slack, Teams, Discord): delta-seconds
/// or an HTTP-date, measured from now, clamped to 0..7 days; null when absent or unreadable. One clamp for all,
/// so a hostile "Retry-After: 99999999999" parks a source or destination for a week, not for ever.
/// </summary>
public static class RetryAfterParser
{
    /// <summary>The longest wait any server may ask for.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromDays(7);

    /// <summary>IMF-fixdate (RFC 1123), the obsolete RFC 850 form, and asctime (RFC 9110 section 5.6.7).</summary>
    private static readonly string[] HttpDateFormats = ["r", "dddd, dd-MMM-yy HH:mm:ss 'GMT'", "ddd MMM d HH:mm:ss yyyy", "ddd MMM dd HH:mm:ss yyyy"];

    /// <summary>The delay a Retry-After value asks for, measured from <paramref name="now"/>; null when absent or unreadable.</summary>
    public static TimeSpan? Parse(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value.Trim();
        if (text.All(char.IsAsciiDigit))
            return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds < (long)Longest.TotalSeconds
                ? TimeSpan.FromSeconds(seconds)
                : Longest; // more digits than a long holds is still "a very long time"
        // Only the three HTTP-date forms: a lenient parse would read "1.5" as the fifth of January.
        if (DateTimeOffset.TryParseExact(text, HttpDateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var date))
            return Clamp(date - now);
        return null;
    }

    /// <summary>The delay from a response's Retry-After header; an HTTP-date is measured from <paramref name="now"/>.</summary>
    public static TimeSpan? From(HttpResponseHeaders headers, DateTimeOffset now)
    {
        if (headers.RetryAfter is { } retry)
        {
            if (retry.Delta is { } delta) return Clamp(delta);
            if (retry.Date is { } date) return Clamp(date - now);
        }
        // The typed header drops values it cannot read; the raw text may still be a date in another format.
        return headers.TryGetValues("Retry-After", out var raw) ? Parse(raw.FirstOrDefault(), now) : null;
    }

    /// <summary>A wait given as a number of seconds in a JSON body (Discord's and Slack's <c>retry_after</c>, fractions allowed).</summary>
    public static TimeSpan? FromSeconds(double seconds) =>
        double.IsNaN(seconds) || seconds < 0 ? null
        : seconds >= Longest.TotalSeconds ? Longest
        : TimeSpan.FromSeconds(seconds);

    /// <summary>A server's hint held to 0..<see cref="Longest"/>.</summary>
    public static TimeSpan Clamp(TimeSpan value) =>
        value < TimeSpan.Zero ? TimeSpan.Zero : value > Longest ? Longest : value;
}
