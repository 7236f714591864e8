namespace NewsBrief.Scrapers.Fetching;

/// <summary>The closed set of fetch outcomes; past the fetcher nobody sees an HttpRequestException.</summary>
public enum FetchStatus
{
    Ok,
    NotModified,
    RateLimited,
    Gone,
    NotFound,
    Blocked,
    ClientError,
    ServerError,
    NetworkError,
    Timeout,
    TooLarge,
    Refused,
}

/// <summary>What one fetch produced: a body with its validators, or a failure with a readable message.</summary>
public sealed record FetchResult
{
    public required FetchStatus Status { get; init; }
    public required Uri Url { get; init; }
    public Uri? FinalUrl { get; init; }
    public int? HttpStatus { get; init; }
    public string? Body { get; init; }
    public string? ContentType { get; init; }
    public string? ETag { get; init; }
    public string? LastModified { get; init; }
    public TimeSpan? RetryAfter { get; init; }
    /// <summary>Freshness the server asked for (Cache-Control max-age or Expires).</summary>
    public TimeSpan? MaxAge { get; init; }
    public required string Message { get; init; }

    public bool IsOk => Status == FetchStatus.Ok;

    /// <summary>A short lowercase word for the status, as shown in <c>sources list</c>.</summary>
    public string Outcome => Status switch
    {
        FetchStatus.NotModified => "not-modified",
        FetchStatus.RateLimited => "rate-limited",
        FetchStatus.NotFound => "not-found",
        FetchStatus.ClientError => "client-error",
        FetchStatus.ServerError => "server-error",
        FetchStatus.NetworkError => "network-error",
        FetchStatus.TooLarge => "too-large",
        _ => Status.ToString().ToLowerInvariant(),
    };
}

/// <summary>A fetch to make: the URL and the validators of the last successful fetch.</summary>
public sealed record FetchRequest(Uri Url, string? ETag = null, string? LastModified = null)
{
    /// <summary>True for URLs a user typed (summary, sources add): these get the private-address guard.</summary>
    public bool UserSupplied { get; init; }

    /// <summary>Overrides <see cref="FetchOptions.Timeout"/> for this request.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Extra headers, sent only to <see cref="Url"/>'s own host: a redirect elsewhere does not carry them (as curl drops credentials).</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>A Cookie header, sent only to <see cref="Url"/>'s own host.</summary>
    public string? Cookie { get; init; }

    /// <summary>Replaces <see cref="FetchOptions.UserAgent"/> for this request.</summary>
    public string? UserAgent { get; init; }
}
