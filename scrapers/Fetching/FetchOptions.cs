using System.ComponentModel.DataAnnotations;

namespace NewsBrief.Scrapers.Fetching;

/// <summary>Limits of every HTTP fetch (section <c>Fetch</c>).</summary>
public sealed record FetchOptions
{
    public const string SectionName = "Fetch";

    /// <summary>Whole-request timeout. Default 20 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Largest response body read, in bytes (after decompression). Default 10 MiB.</summary>
    [Range(1024, 512L * 1024 * 1024)]
    public long MaxResponseBytes { get; init; } = 10L * 1024 * 1024;

    /// <summary>Most redirects followed. Default 5.</summary>
    [Range(0, 20)]
    public int MaxRedirects { get; init; } = 5;

    /// <summary>Sent on every request.</summary>
    [Required, MinLength(3)]
    public string UserAgent { get; init; } = "NewsBrief/0.1 (+https://github.com/newsbrief/newsbrief; news monitoring bot)";

    /// <summary>Most requests in flight at once against one host (scheme, host and port). Default 2.</summary>
    [Range(1, 64)]
    public int MaxConcurrencyPerHost { get; init; } = 2;

    /// <summary>Whether user-supplied URLs may resolve to loopback, private or link-local addresses. Default false.</summary>
    public bool AllowPrivateAddresses { get; init; }

    /// <summary>Timeout of an article page fetch during a poll (pages are optional: the feed's text stands in). Default 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan PageTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// HTTP proxy for every fetch, e.g. http://proxy.example:3128. Unset: HTTP_PROXY, HTTPS_PROXY and
    /// NO_PROXY from the environment, as curl reads them. User-supplied URLs are still checked against
    /// private addresses on their own host, never on the proxy's.
    /// </summary>
    public Uri? Proxy { get; init; }

    /// <summary>Whether polls fetch each new article's page for its full text. Default true.</summary>
    public bool FetchArticlePages { get; init; } = true;
}
