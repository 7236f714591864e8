using System.Text;

namespace NewsBrief.Scrapers.Dedup;

/// <summary>
/// Reduces the many spellings of one article's URL to one comparison key: https, lowercase host without
/// <c>www.</c>/<c>m.</c>/<c>mobile.</c>/<c>amp.</c>, no default port, fragment, tracking parameters or AMP markers,
/// no trailing slash, normalised percent-encoding, sorted query; redirect wrappers unwrapped. Pure.
/// </summary>
public static class UrlCanonicaliser
{
    // Second-level labels under which a name is still a public suffix (bbc.co.uk, abc.net.au): "m.co.uk" keeps its m.
    private static readonly HashSet<string> SecondLevelSuffixes = new(StringComparer.Ordinal)
    {
        "co", "com", "org", "net", "ac", "gov", "edu", "ne", "or", "go", "gob", "nic",
    };

    private static readonly string[] VariantHostPrefixes = ["www.", "m.", "mobile.", "amp."];

    /// <summary>The canonical form of an absolute http(s) URL; other schemes come back unchanged.</summary>
    /// <exception cref="ArgumentException">The URL is relative.</exception>
    public static Uri Canonicalise(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri) throw new ArgumentException($"Cannot canonicalise a relative URL: '{url.OriginalString}'.", nameof(url));
        if (url.Scheme is not ("http" or "https")) return url;
        for (var depth = 0; depth < 3 && UrlRedirectUnwrapper.Unwrap(url) is { } inner; depth++) url = inner;

        var builder = new StringBuilder("https://").Append(CanonicalHost(url.IdnHost));
        if (!url.IsDefaultPort && url.Port != 443 && url.Port != 80) builder.Append(':').Append(url.Port);
        builder.Append(CanonicalPath(url.AbsolutePath));
        var query = CanonicalQuery(url.Query);
        if (query.Length > 0) builder.Append('?').Append(query);
        // A hash-bang fragment is the route of an old single-page site, so it names the article.
        if (url.Fragment.StartsWith("#!", StringComparison.Ordinal)) builder.Append(PercentEncoding.Normalise(url.Fragment));
        return new Uri(builder.ToString());
    }

    /// <summary>Canonicalises a URL given as text; a clear error when it is not an absolute URL.</summary>
    public static Uri Canonicalise(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return Uri.TryCreate(url.Trim(), UriKind.Absolute, out var parsed)
            ? Canonicalise(parsed)
            : throw new ArgumentException($"Not an absolute URL: '{url}'.", nameof(url));
    }

    /// <summary>True when two URLs canonicalise to the same article address.</summary>
    public static bool SameArticle(Uri a, Uri b) => Canonicalise(a) == Canonicalise(b);

    private static string CanonicalHost(string host)
    {
        host = host.ToLowerInvariant().TrimEnd('.');
        foreach (var prefix in VariantHostPrefixes)
        {
            if (!host.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var rest = host[prefix.Length..];
            if (IsRegistrable(rest)) return rest;
        }
        return host;
    }

    private static bool IsRegistrable(string host)
    {
        var labels = host.Split('.');
        if (labels.Length >= 3) return true;
        return labels.Length == 2 && !SecondLevelSuffixes.Contains(labels[0]);
    }

    private static string CanonicalPath(string path)
    {
        var segments = path.Split('/').Where(s => s.Length > 0).Select(PercentEncoding.Normalise).ToList();
        // AMP: a bare "amp" segment (guardian.com/.../amp, site.com/amp/story) or an ".amp"/".amp.html" ending (bbc ....amp).
        segments.RemoveAll(s => s.Equals("amp", StringComparison.OrdinalIgnoreCase));
        if (segments.Count > 0)
        {
            var last = segments[^1];
            if (last.EndsWith(".amp.html", StringComparison.OrdinalIgnoreCase)) last = last[..^".amp.html".Length] + ".html";
            else if (last.EndsWith(".amp", StringComparison.OrdinalIgnoreCase)) last = last[..^".amp".Length];
            segments[^1] = last;
        }
        return "/" + string.Join('/', segments);
    }

    private static string CanonicalQuery(string query)
    {
        var kept = new List<(string Name, string Pair)>();
        foreach (var raw in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = PercentEncoding.Normalise(raw);
            var eq = pair.IndexOf('=');
            var name = eq < 0 ? pair : pair[..eq];
            var value = eq < 0 ? "" : pair[(eq + 1)..];
            if (name.Length == 0 || TrackingParameters.IsTracking(name)) continue;
            if (name.Equals("outputType", StringComparison.OrdinalIgnoreCase) && value.Equals("amp", StringComparison.OrdinalIgnoreCase)) continue;
            kept.Add((name, pair));
        }
        // Stable sort by name: repeated keys keep their order, which can matter (?tag=a&tag=b).
        return string.Join('&', kept.OrderBy(k => k.Name, StringComparer.Ordinal).Select(k => k.Pair));
    }
}
