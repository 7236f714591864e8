namespace NewsBrief.Summariser.Llm;

/// <summary>
/// Stops reading a model response past a byte limit, so a runaway or hostile endpoint costs one story its
/// model summary (with the reason), never the process's memory. The limit follows Summariser:MaxOutputTokens.
/// </summary>
internal sealed class ResponseSizeLimitHandler(long maxBytes, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    /// <summary>Room for the JSON envelope and escaping: 1 MiB plus 64 bytes per output token.</summary>
    public static long LimitFor(SummariserOptions options) => 1024 * 1024 + 64L * options.MaxOutputTokens;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Content.Headers.ContentLength is { } declared && declared > maxBytes)
        {
            response.Dispose();
            throw TooLarge($"{declared:N0} bytes declared");
        }
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                response.Dispose();
                throw TooLarge($"more than {maxBytes:N0} bytes");
            }
            buffer.Write(chunk, 0, read);
        }
        var limited = new ByteArrayContent(buffer.ToArray());
        foreach (var header in response.Content.Headers) limited.Headers.TryAddWithoutValidation(header.Key, header.Value);
        response.Content = limited;
        return response;
    }

    private HttpRequestException TooLarge(string size) =>
        new($"the model's response is too large ({size}; the limit is {maxBytes:N0} bytes, set by Summariser:MaxOutputTokens)");
}
