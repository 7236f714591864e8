namespace NewsBrief.Scrapers.Dedup;

/// <summary>
/// Reduces the many spellings of one article's URL to one: lowercase host without <c>www.</c>,
/// no fragment, no tracking parameters. Pure.
/// </summary>
public static class UrlCanonicaliser
{
    private static readonly string[] TrackingPrefixes = ["utm_", "mc_", "pk_", "at_"];
    private static readonly HashSet<string> TrackingNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "dclid", "msclkid", "igshid", "cmpid", "ocid", "ref", "ref_src", "CMP", "ns_mchannel", "ns_source", "ns_campaign", "ns_linkname", "ns_fee", "guccounter", "_ga", "yclid", "s_cid", "smid", "taid",
    };

    public static Uri Canonicalise(Uri url)
    {
        if (!url.IsAbsoluteUri) return url;
        var builder = new UriBuilder(url) { Fragment = "" };
        builder.Host = builder.Host.ToLowerInvariant();
        if (builder.Host.StartsWith("www.", StringComparison.Ordinal)) builder.Host = builder.Host[4..];
        if (builder.Scheme == "http") builder.Scheme = "https";
        if (builder.Uri.IsDefaultPort || builder.Port == 80) builder.Port = -1;
        var kept = url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !IsTracking(p.Split('=')[0]))
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();
        builder.Query = kept.Count == 0 ? "" : string.Join('&', kept);
        return builder.Uri;
    }

    private static bool IsTracking(string name) =>
        TrackingNames.Contains(name) || TrackingPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase));
}
