using NewsBrief.Core.Net;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace NewsBrief.Discord;

/// <summary>
/// Discord REST over HttpClient: bot authentication, per-bucket and global rate limits, 429 retry_after honoured
/// for requests that are safe to repeat, errors as <see cref="DiscordApiException"/> with secrets redacted.
/// </summary>
public sealed partial class DiscordRestClient
{
    public const string UserAgent = "DiscordBot (https://github.com/newsbrief/newsbrief, 1.0)";
    private const int MaxAttempts = 4;
    private readonly HttpClient _http;
    private readonly DiscordOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RateLimitBuckets _buckets = new();

    public DiscordRestClient(HttpClient http, DiscordOptions options, TimeProvider time, ILogger<DiscordRestClient>? logger = null)
    {
        _http = http;
        _options = options;
        _time = time;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        Redactor = SecretRedactor.For(options);
    }

    public SecretRedactor Redactor { get; }

    /// <summary>
    /// Sends one request to a path under ApiBaseUrl and returns the JSON answer (null for 204).
    /// <paramref name="repeatable"/> says whether a 429 may be retried: true for GET/PUT/PATCH/DELETE and for
    /// POSTs that carry a nonce or cannot create a duplicate; a non-repeatable 429 throws with RetryAfter set.
    /// </summary>
    public async Task<JsonElement?> SendAsync(HttpMethod method, string path, object? body, bool repeatable, CancellationToken ct)
    {
        var (route, major) = RateLimitBuckets.Classify(method, path);
        var json = body is null ? null : JsonSerializer.Serialize(body, body.GetType(), DiscordJson.Options);
        for (var attempt = 1; ; attempt++)
        {
            var wait = _buckets.Acquire(route, major, _time.GetUtcNow());
            if (wait > TimeSpan.Zero)
            {
                _logger.LogDebug("Discord rate limit: waiting {Wait} before {Route}", wait, route);
                await Task.Delay(wait, _time, ct);
                continue;
            }
            using var request = BuildRequest(method, path, json);
            HttpResponseMessage response;
            try { response = await _http.SendAsync(request, ct); }
            catch (HttpRequestException e)
            {
                throw new HttpRequestException(Redactor.Redact($"Discord {route} failed: {e.Message}"), null, e.StatusCode);
            }
            using (response)
            {
                var now = _time.GetUtcNow();
                _logger.LogDebug("Discord {Route}: HTTP {Status}", Redactor.Redact(route), (int)response.StatusCode);
                _buckets.Update(route, major, response.Headers, now);
                var text = await response.Content.ReadAsStringAsync(ct);
                if (response.IsSuccessStatusCode)
                    return string.IsNullOrWhiteSpace(text) ? null : JsonDocument.Parse(text).RootElement.Clone();
                var error = DiscordError.Parse(text);
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    var retryAfter = error.RetryAfter ?? RetryAfterParser.From(response.Headers, now) ?? TimeSpan.FromSeconds(1);
                    if (error.Global) _buckets.BlockAll(now + retryAfter);
                    if (repeatable && attempt < MaxAttempts)
                    {
                        _logger.LogWarning("Discord 429 on {Route}; retrying after {RetryAfter}", Redactor.Redact(route), retryAfter);
                        await Task.Delay(retryAfter, _time, ct);
                        continue;
                    }
                    throw Failure(response.StatusCode, error, route, retryAfter);
                }
                throw Failure(response.StatusCode, error, route, null);
            }
        }
    }

    private HttpRequestMessage BuildRequest(HttpMethod method, string path, string? json)
    {
        var request = new HttpRequestMessage(method, _options.ApiBaseUrl.TrimEnd('/') + path);
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        // interaction and webhook routes carry their own token in the path; Discord wants no bot header there
        if (!path.StartsWith("/interactions/", StringComparison.Ordinal) && !path.StartsWith("/webhooks/", StringComparison.Ordinal))
            request.Headers.Authorization = new AuthenticationHeaderValue("Bot", _options.Token);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        return request;
    }

    private DiscordApiException Failure(HttpStatusCode status, DiscordError error, string route, TimeSpan? retryAfter)
    {
        var exception = new DiscordApiException(status, error.Code, Redactor.Redact($"{error.Message} [{route}]"), retryAfter);
        // Debug only: the caller decides what the failure means (a delivery to retry, a fatal token) and logs it once.
        _logger.LogDebug("Discord {Route} failed: {Error}", Redactor.Redact(route), exception.Message);
        return exception;
    }
}
