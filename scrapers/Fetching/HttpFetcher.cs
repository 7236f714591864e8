using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace NewsBrief.Scrapers.Fetching;

/// <summary>
/// The one HTTP edge for every fetch: conditional GET, timeout, decompressed-size cap, redirects
/// followed by hand (each target checked), charset decoding, per-host concurrency, the private-address
/// guard for user-supplied URLs, and failures as a closed set with readable messages. Never throws
/// except when the caller cancels.
/// </summary>
public sealed class HttpFetcher
{
    private const string Accept = "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5";
    private readonly HttpClient _client;
    private readonly FetchOptions _options;
    private readonly TimeProvider _time;
    private readonly AddressGuard _guard;
    private readonly HostConcurrencyLimiter _limiter;

    public HttpFetcher(HttpClient client, FetchOptions options)
        : this(client, options, TimeProvider.System) { }

    public HttpFetcher(HttpClient client, FetchOptions options, TimeProvider time)
        : this(client, options, time, AddressGuard.PublicOnly) { }

    /// <summary>With an explicit guard for user-supplied URLs (tests exempt their own loopback server).</summary>
    public HttpFetcher(HttpClient client, FetchOptions options, TimeProvider time, AddressGuard guard)
    {
        _client = client;
        _options = options;
        _time = time;
        _guard = guard;
        _limiter = new HostConcurrencyLimiter(options.MaxConcurrencyPerHost);
    }

    /// <summary>Gets one debug line per fetch (URL, outcome, time); failures are logged by whoever owns the source.</summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;

    /// <summary>
    /// The handler every fetch needs: decompression (gzip, deflate, brotli), no automatic redirects
    /// (the fetcher follows them, checking each), no cookies, Fetch:Proxy or the environment's proxy, and the guarded connect step.
    /// </summary>
    public static HttpMessageHandler CreateHandler(FetchOptions options) => new SocketsHttpHandler
    {
        AutomaticDecompression = DecompressionMethods.All,
        AllowAutoRedirect = false,
        UseCookies = false,
        // Null leaves HttpClient.DefaultProxy: HTTP_PROXY/HTTPS_PROXY/NO_PROXY. The guard checks the target before each hop (PreflightAsync), not the proxy.
        UseProxy = true,
        Proxy = options.Proxy is { } proxy ? new WebProxy(proxy) : null,
        ConnectTimeout = options.Timeout < TimeSpan.FromSeconds(10) ? options.Timeout : TimeSpan.FromSeconds(10),
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectCallback = GuardedConnector.ConnectAsync,
    };

    public async Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var result = await FetchOnceAsync(request, cancellationToken);
        if (Logger.IsEnabled(LogLevel.Debug))
            Logger.LogDebug("GET {Url}: {Outcome}{Status} in {Elapsed:0} ms{Message}", request.Url, result.Outcome,
                result.HttpStatus is { } code ? $" (HTTP {code})" : "", _time.GetElapsedTime(started).TotalMilliseconds, result.IsOk ? "" : ": " + result.Message);
        return result;
    }

    private async Task<FetchResult> FetchOnceAsync(FetchRequest request, CancellationToken cancellationToken)
{
        var limit = request.Timeout ?? _options.Timeout;
        using var timeout = new CancellationTokenSource(limit, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await FollowAsync(request, linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Fail(request, FetchStatus.Timeout, $"timed out after {limit.TotalSeconds:0.#} s");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var (status, message) = FetchFailureDescriber.Describe(e, request.Url);
            return Fail(request, status, message);
        }
    }

    private async Task<FetchResult> FollowAsync(FetchRequest request, CancellationToken ct)
    {
        var guard = request.UserSupplied && !_options.AllowPrivateAddresses ? _guard : null;
        var url = request.Url;
        for (var hop = 0; ; hop++)
        {
            if (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https"))
                return Fail(request, FetchStatus.Refused, $"refused: only http and https URLs can be fetched, not '{url}'") with { FinalUrl = url };
            try
            {
                // Checked before every hop too, so a pooled connection opened for a trusted source is never reused for a refused host.
                if (guard is not null) await PreflightAsync(guard, url, ct);
                using var lease = await _limiter.AcquireAsync(url.Authority, ct);
                using var message = BuildMessage(request, url, guard);
                using var response = await _client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, ct);
                var status = (int)response.StatusCode;
                if (status is 301 or 302 or 303 or 307 or 308)
                {
                    if (response.Headers.Location is not { } location)
                        return Fail(request, FetchStatus.ServerError, $"HTTP {status} redirect without a Location header") with { HttpStatus = status, FinalUrl = url };
                    if (hop >= _options.MaxRedirects)
                        return Fail(request, FetchStatus.ServerError, $"too many redirects (more than {_options.MaxRedirects}); last went to {new Uri(url, location)}") with { HttpStatus = status, FinalUrl = url };
                    url = new Uri(url, location);
                    continue;
                }
                return await new ResponseReader(_options, _time).ReadAsync(request, url, response, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var (status, message) = FetchFailureDescriber.Describe(e, url);
                return Fail(request, status, message) with { FinalUrl = url };
            }
        }
    }

    private static async Task PreflightAsync(AddressGuard guard, Uri url, CancellationToken ct)
    {
        IPAddress[] addresses;
        try
        {
            addresses = await GuardedConnector.ResolveAsync(url.IdnHost, ct);
        }
        catch (SocketException e)
        {
            throw new HttpRequestException(HttpRequestError.NameResolutionError, e.Message, e);
        }
        GuardedConnector.Enforce(guard, addresses, url.Port);
    }

    private HttpRequestMessage BuildMessage(FetchRequest request, Uri url, AddressGuard? guard)
    {
        var message = new HttpRequestMessage(HttpMethod.Get, url);
        message.Headers.TryAddWithoutValidation("User-Agent", request.UserAgent ?? _options.UserAgent);
        message.Headers.TryAddWithoutValidation("Accept", Accept);
        if (request.ETag is { Length: > 0 }) message.Headers.TryAddWithoutValidation("If-None-Match", request.ETag);
        if (request.LastModified is { Length: > 0 }) message.Headers.TryAddWithoutValidation("If-Modified-Since", request.LastModified);
        // A source's credentials go to its own host only, never to where a redirect points elsewhere.
        if (string.Equals(url.Authority, request.Url.Authority, StringComparison.OrdinalIgnoreCase) && url.Scheme == request.Url.Scheme)
        {
            foreach (var (name, value) in request.Headers ?? new Dictionary<string, string>()) message.Headers.TryAddWithoutValidation(name, value);
            if (request.Cookie is { Length: > 0 } cookie) message.Headers.TryAddWithoutValidation("Cookie", cookie);
        }
        if (guard is not null) message.Options.Set(GuardedConnector.GuardKey, guard);
        return message;
    }

    internal static FetchResult Fail(FetchRequest request, FetchStatus status, string message) =>
        new() { Status = status, Url = request.Url, Message = message };
}
