using System.Net;
using System.Text;

namespace NewsBrief.Scrapers.Fetching;

/// <summary>
/// The one HTTP edge for every fetch: conditional GET, timeout, size cap, readable failures.
/// </summary>
public sealed class HttpFetcher(HttpClient client, FetchOptions options)
{
    /// <summary>A handler with the settings every fetch needs (automatic decompression, no cookies).</summary>
    public static HttpMessageHandler CreateHandler(FetchOptions options) => new SocketsHttpHandler
    {
        AutomaticDecompression = DecompressionMethods.All,
        AllowAutoRedirect = true,
        MaxAutomaticRedirections = Math.Max(1, options.MaxRedirects),
        UseCookies = false,
        ConnectTimeout = TimeSpan.FromSeconds(10),
    };

    public async Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(request.Timeout ?? options.Timeout);
        using var message = new HttpRequestMessage(HttpMethod.Get, request.Url);
        message.Headers.TryAddWithoutValidation("User-Agent", options.UserAgent);
        message.Headers.TryAddWithoutValidation("Accept", "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5");
        if (request.ETag is { Length: > 0 }) message.Headers.TryAddWithoutValidation("If-None-Match", request.ETag);
        if (request.LastModified is { Length: > 0 }) message.Headers.TryAddWithoutValidation("If-Modified-Since", request.LastModified);
        try
        {
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return await ReadAsync(request, response, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Fail(request, FetchStatus.Timeout, $"timed out after {(request.Timeout ?? options.Timeout).TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e)
        {
            return Fail(request, FetchStatus.NetworkError, $"network error: {e.Message}");
        }
    }

    private async Task<FetchResult> ReadAsync(FetchRequest request, HttpResponseMessage response, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.NotModified)
            return new FetchResult { Status = FetchStatus.NotModified, Url = request.Url, HttpStatus = status, ETag = request.ETag, LastModified = request.LastModified, Message = "not modified (304)" };
        if (status >= 400)
        {
            var kind = status switch
            {
                429 => FetchStatus.RateLimited,
                404 => FetchStatus.NotFound,
                410 => FetchStatus.Gone,
                401 or 403 => FetchStatus.Blocked,
                >= 500 => FetchStatus.ServerError,
                _ => FetchStatus.ClientError,
            };
            return Fail(request, kind, $"HTTP {status} {response.ReasonPhrase}".TrimEnd()) with { HttpStatus = status };
        }
        var length = response.Content.Headers.ContentLength;
        if (length > options.MaxResponseBytes)
            return Fail(request, FetchStatus.TooLarge, $"response of {length} bytes is over the {options.MaxResponseBytes}-byte limit");
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > options.MaxResponseBytes)
                return Fail(request, FetchStatus.TooLarge, $"response is over the {options.MaxResponseBytes}-byte limit");
            buffer.Write(chunk, 0, read);
        }
        var charset = response.Content.Headers.ContentType?.CharSet;
        var body = Decode(buffer.ToArray(), charset);
        return new FetchResult
        {
            Status = FetchStatus.Ok,
            Url = request.Url,
            FinalUrl = response.RequestMessage?.RequestUri ?? request.Url,
            HttpStatus = status,
            Body = body,
            ContentType = response.Content.Headers.ContentType?.MediaType,
            ETag = response.Headers.ETag?.ToString(),
            LastModified = response.Content.Headers.LastModified?.ToString("R"),
            MaxAge = response.Headers.CacheControl?.MaxAge,
            Message = $"HTTP {status}",
        };
    }

    private static string Decode(byte[] bytes, string? charset)
    {
        Encoding encoding = Encoding.UTF8;
        if (charset is { Length: > 0 })
        {
            try { encoding = Encoding.GetEncoding(charset.Trim('"')); }
            catch (ArgumentException) { }
        }
        return encoding.GetString(bytes).TrimStart('\uFEFF');
    }

    private static FetchResult Fail(FetchRequest request, FetchStatus status, string message) =>
        new() { Status = status, Url = request.Url, Message = message };
}
