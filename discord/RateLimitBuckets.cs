using System.Globalization;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace NewsBrief.Discord;

/// <summary>
/// Discord's rate-limit state from X-RateLimit-* headers: which bucket a route maps to, how many requests each
/// bucket (per major parameter) has left and when it resets, and the global limit. Time is passed in.
/// </summary>
public sealed partial class RateLimitBuckets
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, string> _bucketOfRoute = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BucketState> _states = new(StringComparer.Ordinal);
    private DateTimeOffset _globalUntil = DateTimeOffset.MinValue;

    private sealed record BucketState(int Remaining, DateTimeOffset ResetAt);

    /// <summary>The route key and major parameter of a request, e.g. ("POST /channels/{major}/messages", "123").</summary>
    public static (string Route, string Major) Classify(HttpMethod method, string path)
    {
        path = path.Split('?')[0];
        var major = MajorParameter().Match(path);
        var group = major.Success ? (major.Groups[1].Success ? major.Groups[1] : major.Groups[2]) : null;
        var majorValue = group?.Value ?? "";
        var route = group is null ? path : path.Remove(group.Index, group.Length).Insert(group.Index, "{major}");
        route = Snowflake().Replace(route, "/{id}");
        route = InteractionToken().Replace(route, "$1{token}");
        return ($"{method.Method} {route}", majorValue);
    }

    /// <summary>How long to wait before sending on this route; zero when it may go now. Reserves one request.</summary>
    public TimeSpan Acquire(string route, string major, DateTimeOffset now)
    {
        lock (_lock)
        {
            if (_globalUntil > now) return _globalUntil - now;
            if (!_bucketOfRoute.TryGetValue(route, out var bucket)) return TimeSpan.Zero;
            var key = bucket + ":" + major;
            if (!_states.TryGetValue(key, out var state) || state.ResetAt <= now) return TimeSpan.Zero;
            if (state.Remaining > 0)
            {
                _states[key] = state with { Remaining = state.Remaining - 1 };
                return TimeSpan.Zero;
            }
            return state.ResetAt - now;
        }
    }

    /// <summary>Records the bucket headers of a response.</summary>
    public void Update(string route, string major, HttpResponseHeaders headers, DateTimeOffset now)
    {
        var bucket = Header(headers, "X-RateLimit-Bucket");
        var remaining = Header(headers, "X-RateLimit-Remaining");
        var resetAfter = Header(headers, "X-RateLimit-Reset-After");
        if (bucket is null || remaining is null || resetAfter is null) return;
        if (!int.TryParse(remaining, NumberStyles.Integer, CultureInfo.InvariantCulture, out var left)) return;
        if (!double.TryParse(resetAfter, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)) return;
        lock (_lock)
        {
            _bucketOfRoute[route] = bucket;
            _states[bucket + ":" + major] = new BucketState(left, now + TimeSpan.FromSeconds(seconds));
        }
    }

    /// <summary>Blocks every route until the given time (a global 429).</summary>
    public void BlockAll(DateTimeOffset until)
    {
        lock (_lock) if (until > _globalUntil) _globalUntil = until;
    }

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    [GeneratedRegex(@"^/(?:channels|guilds)/(\d+)|^/webhooks/(\d+/[^/]+)")]
    private static partial Regex MajorParameter();

    [GeneratedRegex(@"/\d+(?=/|$)")]
    private static partial Regex Snowflake();

    [GeneratedRegex(@"(/interactions/\{id\}/)[^/]+")]
    private static partial Regex InteractionToken();
}
