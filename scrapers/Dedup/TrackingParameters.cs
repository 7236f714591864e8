namespace NewsBrief.Scrapers.Dedup;

/// <summary>Query parameters that say how a reader arrived, never which article they asked for.</summary>
internal static class TrackingParameters
{
    // Prefixes are families of campaign/analytics keys (Google, Mailchimp, Matomo, AT Internet as used by the BBC, ...).
    private static readonly string[] Prefixes =
    [
        "utm_", "mc_", "pk_", "piwik_", "matomo_", "mtm_", "at_", "hsa_", "_hs", "ga_", "wt.", "oly_", "itm_", "ns_", "guce_",
    ];

    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "gclsrc", "dclid", "wbraid", "gbraid", "msclkid", "igshid", "yclid", "twclid", "ttclid",
        "li_fat_id", "mkt_tok", "_ga", "_gl", "cmpid", "cmp", "ocid", "icid", "ncid", "ito", "sr_share", "smid", "smtyp",
        "taid", "s_cid", "xtor", "guccounter", "ref", "ref_src", "ref_url", "referrer", "rb_clickid", "vero_id",
        "__twitter_impression", "spm", "share", "sharetype", "fb_source", "fb_ref", "rss", "ftag", "cid_source",
        "amp", "amp_js_v", "amp_gsa", "usqp", "_amp", "amphtml",
    };

    public static bool IsTracking(string name) =>
        Names.Contains(name) || Prefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase));
}
