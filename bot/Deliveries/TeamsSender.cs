using NewsBrief.Core.Net;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using NewsBrief.Core.Domain;

namespace NewsBrief.Bot.Deliveries;

/// <summary>
/// Posts <c>teams:webhook:URL</c> destinations (a Workflows "post to a channel when a webhook request is received"
/// URL) as Adaptive Cards rendered from the row's document. 2xx (Workflows answers 202) is sent; 404 means the
/// flow or URL is unknown and 401/403 a bad signature (both permanent, named); 429, 5xx and network failures are retried.
/// </summary>
public sealed class TeamsSender(HttpClient http, TimeSpan timeout, TimeProvider? time = null) : IDeliverySender
{
    public bool Handles(Destination destination) => destination.Kind == DestinationKind.TeamsWebhook;

    public Task<SendResult> SendAsync(Delivery delivery, Destination destination, CancellationToken cancellationToken) =>
        SendAsync(delivery, destination, SendProgress.FromStart, cancellationToken);

    public Task<SendResult> SendAsync(Delivery delivery, Destination destination, SendProgress progress, CancellationToken cancellationToken)
    {
        var outbox = OutboxMessage.From(delivery);
        return SendAsync(TeamsCardRenderer.Render(outbox.ToReply(), outbox.Title()), destination, progress, cancellationToken);
    }

    /// <summary>Posts the cards in order from the first one not yet sent; stops at the first failure (the cards before it stay sent).</summary>
    public async Task<SendResult> SendAsync(IReadOnlyList<JsonObject> messages, Destination destination, SendProgress progress, CancellationToken cancellationToken)
    {
        for (var part = progress.PartsSent; part < messages.Count; part++)
        {
            var result = await PostAsync(messages[part], destination.Target, cancellationToken);
            if (result.Outcome != SendOutcome.Sent) return result with { Error = SendProgress.AtPart(result.Error, part, messages.Count) };
            progress.PartSent(messages.Count, null);
        }
        return SendResult.Ok($"teams-{messages.Count}");
    }

    private async Task<SendResult> PostAsync(JsonObject message, string url, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(message.ToJsonString(), Encoding.UTF8, "application/json") };
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        try
        {
            using var response = await http.SendAsync(request, cts.Token);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode) return SendResult.Ok($"teams-{status}");
            if (response.StatusCode == HttpStatusCode.TooManyRequests || status >= 500 || status == 408)
                return new SendResult(SendOutcome.Retryable, Error: $"Teams answered {status}", RetryAfter: RetryAfterParser.From(response.Headers, (time ?? TimeProvider.System).GetUtcNow()));
            var hint = status switch
            {
                404 => ": the workflow URL is unknown (the flow was deleted or the URL mistyped); copy the URL of the flow's 'When a Teams webhook request is received' trigger",
                401 or 403 => ": the workflow URL's signature (sig=…) is wrong or the flow does not allow anyone to trigger it",
                413 => ": the message was over Teams' 28 KB limit",
                _ => "",
            };
            return new SendResult(SendOutcome.Permanent, Error: $"Teams answered {status}{hint}");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new SendResult(SendOutcome.Retryable, Error: $"Teams did not answer within {timeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException e)
        {
            return new SendResult(SendOutcome.Retryable, Error: $"could not reach Teams ({e.HttpRequestError})");
        }
    }
}
