using NewsBrief.Core.Net;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using NewsBrief.Core.Chat;

namespace NewsBrief.Discord;

/// <summary>
/// Posts replies to a channel webhook (POST {WebhookUrl}?wait=true). After a 404 the webhook is gone: it is
/// never called again and every later send fails with a clear error, since retrying would get us restricted.
/// </summary>
public sealed partial class DiscordWebhookClient
{
    private readonly HttpClient _http;
    private readonly string _url;
    private readonly SecretRedactor _redactor;
    private string? _deadReason;

    public DiscordWebhookClient(HttpClient http, string webhookUrl)
    {
        if (!IsWebhookUrl(webhookUrl)) throw new ArgumentException("Discord:WebhookUrl must look like https://discord.com/api/webhooks/ID/TOKEN.", nameof(webhookUrl));
        _http = http;
        _url = webhookUrl;
        _redactor = new SecretRedactor(webhookUrl);
    }

    public static bool IsWebhookUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && WebhookPath().IsMatch(uri.AbsolutePath);

    /// <summary>True once Discord said the webhook no longer exists.</summary>
    public bool IsDisabled => _deadReason is not null;

    /// <summary>Sends a reply (split into as many messages as it needs); returns the created message ids.</summary>
    public async Task<IReadOnlyList<string>> SendAsync(ChatReply reply, CancellationToken ct)
    {
        var ids = new List<string>();
        foreach (var message in DiscordReplyRenderer.Render(reply, ephemeral: false))
            ids.Add(await SendAsync(message, ct));
        return ids;
    }

    /// <summary>Sends one message; returns its id.</summary>
    public async Task<string> SendAsync(DiscordMessagePayload message, CancellationToken ct)
    {
        if (_deadReason is not null) throw new InvalidOperationException(_deadReason);
        var separator = _url.Contains('?') ? '&' : '?';
        using var request = new HttpRequestMessage(HttpMethod.Post, _url + separator + "wait=true");
        request.Headers.TryAddWithoutValidation("User-Agent", DiscordRestClient.UserAgent);
        // webhooks take no nonce: the body goes without one, and a 429 is not retried here
        var json = JsonSerializer.Serialize(message with { Flags = null, Nonce = null, EnforceNonce = null }, DiscordJson.Options);
        request.Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        HttpResponseMessage response;
        try { response = await _http.SendAsync(request, ct); }
        catch (HttpRequestException e) { throw new HttpRequestException(_redactor.Redact("Discord webhook failed: " + e.Message), null, e.StatusCode); }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                _deadReason = "The Discord webhook (Discord:WebhookUrl) no longer exists (404); it is disabled until the setting is fixed and the bot restarted.";
                throw new DiscordApiException(response.StatusCode, DiscordError.Parse(text).Code, _deadReason);
            }
            if (!response.IsSuccessStatusCode)
            {
                var error = DiscordError.Parse(text);
                // The body's retry_after, else the header, measured from the server's own Date.
                var retryAfter = error.RetryAfter ?? RetryAfterParser.From(response.Headers, response.Headers.Date ?? TimeProvider.System.GetUtcNow());
                throw new DiscordApiException(response.StatusCode, error.Code, _redactor.Redact(error.Message), retryAfter);
            }
            using var doc = JsonDocument.Parse(text);
            return doc.RootElement.TryGetProperty("id", out var id) ? id.ToString() : "";
        }
    }

    [GeneratedRegex(@"/api(?:/v\d+)?/webhooks/\d+/[A-Za-z0-9_\-.]+/?$")]
    private static partial Regex WebhookPath();
}
