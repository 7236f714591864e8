using NewsBrief.Core.Net;
using System.Net;

namespace NewsBrief.Scrapers.Fetching;

/// <summary>Turns a final (non-redirect) response into a <see cref="FetchResult"/>: status mapping, capped body, decoded text.</summary>
internal sealed class ResponseReader(FetchOptions options, TimeProvider time)
{
    public async Task<FetchResult> ReadAsync(FetchRequest request, Uri url, HttpResponseMessage response, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        var now = time.GetUtcNow();
        var basis = new FetchResult
        {
            Status = FetchStatus.Ok,
            Url = request.Url,
            FinalUrl = url,
            HttpStatus = status,
            ContentType = response.Content.Headers.ContentType?.MediaType,
            MaxAge = ResponseFreshness.MaxAge(response, now),
            Message = $"HTTP {status}",
        };
        if (response.StatusCode == HttpStatusCode.NotModified)
            return basis with { Status = FetchStatus.NotModified, ETag = response.Headers.ETag?.ToString() ?? request.ETag, LastModified = request.LastModified, Message = "not modified (304)" };
        if (status >= 300 || status < 200)
            return Failure(response, status, now, basis);
        var length = response.Content.Headers.ContentLength;
        if (length > options.MaxResponseBytes)
            return basis with { Status = FetchStatus.TooLarge, Message = $"response of {length} bytes is over the {options.MaxResponseBytes}-byte limit" };
        var bytes = await ReadCappedAsync(response, ct);
        if (bytes is null)
            return basis with { Status = FetchStatus.TooLarge, Message = $"response is over the {options.MaxResponseBytes}-byte limit (counted after decompression)" };
        return basis with
        {
            Body = CharsetDecoder.Decode(bytes, response.Content.Headers.ContentType?.CharSet),
            ETag = response.Headers.ETag?.ToString(),
            LastModified = response.Content.Headers.LastModified?.ToString("R"),
            Message = $"HTTP {status}, {bytes.Length} bytes",
        };
    }

    private static FetchResult Failure(HttpResponseMessage response, int status, DateTimeOffset now, FetchResult basis)
    {
        var retryAfter = status is 429 or 503 ? RetryAfterParser.From(response.Headers, now) : null;
        var kind = status switch
        {
            429 => FetchStatus.RateLimited,
            503 when retryAfter is not null => FetchStatus.RateLimited,
            404 => FetchStatus.NotFound,
            410 => FetchStatus.Gone,
            401 or 403 or 451 => FetchStatus.Blocked,
            >= 500 => FetchStatus.ServerError,
            _ => FetchStatus.ClientError,
        };
        var message = $"HTTP {status} {response.ReasonPhrase}".TrimEnd();
        if (retryAfter is { } wait) message += $"; retry after {wait.TotalSeconds:0} s";
        return basis with { Status = kind, RetryAfter = retryAfter, Message = message };
    }

    /// <summary>The body, or null once it passes the cap. Counts decompressed bytes, so a compression bomb stops at the cap.</summary>
    private async Task<byte[]?> ReadCappedAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > options.MaxResponseBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
