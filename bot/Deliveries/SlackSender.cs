using NewsBrief.Core.Net;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NewsBrief.Core.Domain;

namespace NewsBrief.Bot.Deliveries;

/// <summary>
/// Posts to Slack: <c>slack:webhook:URL</c> through incoming webhooks, <c>slack:channel:ID</c> through
/// <c>chat.postMessage</c> with <c>Slack:BotToken</c>. The message is rendered from the row's document into
/// Block Kit (split at 50 blocks). 429 waits for Retry-After; other 4xx answers (a revoked webhook, bad blocks,
/// a bad token) are permanent and name what is wrong; 5xx and network failures are retried. URLs are never logged.
/// </summary>
public sealed class SlackSender(HttpClient http, SlackOptions options, TimeSpan timeout, TimeProvider? time = null) : IDeliverySender
{
    public bool Handles(Destination destination) =>
        destination.Kind == DestinationKind.SlackWebhook || (destination.Kind == DestinationKind.SlackChannel && !string.IsNullOrEmpty(options.BotToken));

    public Task<SendResult> SendAsync(Delivery delivery, Destination destination, CancellationToken cancellationToken) =>
        SendAsync(delivery, destination, SendProgress.FromStart, cancellationToken);

    public Task<SendResult> SendAsync(Delivery delivery, Destination destination, SendProgress progress, CancellationToken cancellationToken)
    {
        var outbox = OutboxMessage.From(delivery);
        return SendAsync(SlackMessageRenderer.Render(outbox.ToReply(), outbox.Title()), destination, progress, cancellationToken);
    }

    /// <summary>Posts the messages in order from the first one not yet sent; stops at the first failure (the parts before it stay sent).</summary>
    public async Task<SendResult> SendAsync(IReadOnlyList<JsonObject> messages, Destination destination, SendProgress progress, CancellationToken cancellationToken)
    {
        string? first = null;
        for (var part = progress.PartsSent; part < messages.Count; part++)
        {
            var result = await PostAsync(messages[part], destination, cancellationToken);
            if (result.Outcome != SendOutcome.Sent) return result with { Error = SendProgress.AtPart(result.Error, part, messages.Count) };
            first ??= result.MessageId;
            progress.PartSent(messages.Count, result.MessageId);
        }
        return SendResult.Ok(first);
    }

    private async Task<SendResult> PostAsync(JsonObject message, Destination destination, CancellationToken ct)
    {
        var channel = destination.Kind == DestinationKind.SlackChannel;
        if (channel)
        {
            message = message.DeepClone().AsObject();
            message["channel"] = destination.Target;
        }
        var url = channel ? new Uri(new Uri(options.ApiBaseUrl.TrimEnd('/') + "/"), "chat.postMessage").AbsoluteUri : destination.Target;
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(message.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (channel) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.BotToken);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        try
        {
            using var response = await http.SendAsync(request, cts.Token);
            var body = await response.Content.ReadAsStringAsync(cts.Token);
            return channel ? ApiResult(response, body) : WebhookResult(response, body);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new SendResult(SendOutcome.Retryable, Error: $"Slack did not answer within {timeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException e)
        {
            return new SendResult(SendOutcome.Retryable, Error: $"could not reach Slack ({e.HttpRequestError})");
        }
    }

    private SendResult WebhookResult(HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode) return SendResult.Ok($"slack-webhook-{status}");
        var reason = Short(body);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
            return new SendResult(SendOutcome.Retryable, Error: "Slack rate limit (429)", RetryAfter: RetryAfterParser.From(response.Headers, (time ?? TimeProvider.System).GetUtcNow()) ?? TimeSpan.FromSeconds(1));
        if (status >= 500) return new SendResult(SendOutcome.Retryable, Error: $"Slack answered {status} {reason}");
        var hint = reason switch
        {
            "no_service" or "no_team" or "team_disabled" => ": the webhook URL is unknown or was revoked; create a new incoming webhook and update the destination",
            "channel_not_found" or "channel_is_archived" => ": the webhook's channel is gone or archived",
            "invalid_token" or "invalid_auth" => ": the webhook URL's token is invalid",
            "invalid_blocks" or "invalid_payload" or "too_many_attachments" => ": Slack refused the message format",
            _ when status is 401 or 403 or 404 => ": Slack does not accept this webhook URL (wrong, or revoked); create a new incoming webhook and update the destination",
            _ => "",
        };
        return new SendResult(SendOutcome.Permanent, Error: $"Slack answered {status} {reason}{hint}");
    }

    private SendResult ApiResult(HttpResponseMessage response, string body)
    {
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
            return new SendResult(SendOutcome.Retryable, Error: "Slack rate limit (429)", RetryAfter: RetryAfterParser.From(response.Headers, (time ?? TimeProvider.System).GetUtcNow()) ?? TimeSpan.FromSeconds(1));
        if ((int)response.StatusCode >= 500) return new SendResult(SendOutcome.Retryable, Error: $"Slack answered {(int)response.StatusCode}");
        string? error = null, ts = null;
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True)
                ts = doc.RootElement.TryGetProperty("ts", out var t) ? t.GetString() : "";
            else error = doc.RootElement.TryGetProperty("error", out var e) ? e.GetString() : "unknown_error";
        }
        catch (JsonException) { error = "unreadable answer"; }
        if (error is null) return SendResult.Ok(ts);
        var hint = error switch
        {
            "invalid_auth" or "not_authed" or "token_revoked" or "account_inactive" => ": Slack:BotToken is wrong or revoked",
            "missing_scope" => ": Slack:BotToken lacks the chat:write scope",
            "channel_not_found" => ": no such channel, or the bot is not in it (invite it with /invite)",
            "not_in_channel" => ": invite the bot to the channel (/invite @app)",
            "ratelimited" => "",
            _ => "",
        };
        return error == "ratelimited"
            ? new SendResult(SendOutcome.Retryable, Error: "Slack rate limit", RetryAfter: TimeSpan.FromSeconds(1))
            : new SendResult(SendOutcome.Permanent, Error: $"Slack refused chat.postMessage: {error}{hint}");
    }

    private static string Short(string body)
    {
        var text = body.Trim();
        return text.Length <= 80 ? text : text[..80];
    }
}
