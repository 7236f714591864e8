namespace NewsBrief.Scrapers.Dedup;

/// <summary>
/// Finds the article URL inside a redirect or cache wrapper (Google <c>/url?q=</c>, Facebook <c>l.php?u=</c>,
/// Google AMP viewer <c>/amp/s/</c>, the AMP project cache), so that a shared link and a feed link compare equal.
/// </summary>
internal static class UrlRedirectUnwrapper
{
    /// <summary>The wrapped URL, or null when <paramref name="url"/> is not a known wrapper.</summary>
    public static Uri? Unwrap(Uri url)
    {
        var host = url.Host.ToLowerInvariant();
        var path = url.AbsolutePath;
        if (IsGoogle(host) && path == "/url") return FromQuery(url, "url") ?? FromQuery(url, "q");
        if ((host is "l.facebook.com" or "lm.facebook.com" or "m.facebook.com") && path == "/l.php") return FromQuery(url, "u");
        if (IsGoogle(host) && path.StartsWith("/amp/", StringComparison.Ordinal)) return FromAmpPath(path["/amp/".Length..], url.Query);
        if (host.EndsWith(".cdn.ampproject.org", StringComparison.Ordinal))
        {
            // Cache paths are /c/[s/]host/path (c = content, v = viewer, i = image); s/ means the origin is https.
            var parts = path.TrimStart('/').Split('/', 2);
            if (parts.Length == 2 && parts[0] is "c" or "v") return FromAmpPath(parts[1], url.Query);
        }
        return null;
    }

    private static bool IsGoogle(string host) =>
        host is "google.com" or "www.google.com" or "news.google.com" || host.StartsWith("www.google.", StringComparison.Ordinal);

    private static Uri? FromQuery(Uri url, string name)
    {
        foreach (var pair in url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            if (eq <= 0 || !string.Equals(pair[..eq], name, StringComparison.OrdinalIgnoreCase)) continue;
            var value = Uri.UnescapeDataString(pair[(eq + 1)..].Replace('+', ' '));
            if (Uri.TryCreate(value, UriKind.Absolute, out var inner) && inner.Scheme is "http" or "https") return inner;
        }
        return null;
    }

    private static Uri? FromAmpPath(string rest, string query)
    {
        var scheme = "http";
        if (rest.StartsWith("s/", StringComparison.Ordinal))
        {
            scheme = "https";
            rest = rest[2..];
        }
        return rest.Contains('.') && Uri.TryCreate($"{scheme}://{rest}{query}", UriKind.Absolute, out var inner) ? inner : null;
    }
}
