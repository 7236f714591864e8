using System.Net;
using NewsBrief.Discord;
using NewsBrief.Core.Domain;

namespace NewsBrief.Bot.Deliveries;

/// <summary>
/// Posts to a Discord webhook (for teams that want posts without a bot): Discord's own message format,
/// split to its limits, mentions off. A deleted webhook (404) is a permanent failure; 5xx and 429 are retried.
/// </summary>
public sealed class DiscordWebhookSender(HttpClient http) : IDeliverySender
{
    public bool Handles(Destination destination) =>
        destination.Kind == DestinationKind.Webhook && DiscordWebhookClient.IsWebhookUrl(destination.Target);

    public Task<SendResult> SendAsync(Delivery delivery, Destination destination, CancellationToken cancellationToken) =>
        SendAsync(delivery, destination, SendProgress.FromStart, cancellationToken);

    public async Task<SendResult> SendAsync(Delivery delivery, Destination destination, SendProgress progress, CancellationToken cancellationToken)
    {
        var messages = DiscordReplyRenderer.Render(OutboxMessage.From(delivery).ToReply(), ephemeral: false);
        var client = new DiscordWebhookClient(http, destination.Target);
        string? first = null;
        try
        {
            // Webhooks take no nonce: resuming after the parts already out is what keeps them from appearing twice.
            for (var part = progress.PartsSent; part < messages.Count; part++)
            {
                var id = await client.SendAsync(messages[part], cancellationToken);
                first ??= id;
                progress.PartSent(messages.Count, id);
            }
            return SendResult.Ok(first);
        }
        catch (DiscordApiException e)
        {
            var status = (int)e.Status;
            var permanent = status is >= 400 and < 500 && e.Status != HttpStatusCode.TooManyRequests;
            return new SendResult(permanent ? SendOutcome.Permanent : SendOutcome.Retryable, Error: SendProgress.AtPart(e.Message, progress.PartsSent, messages.Count), RetryAfter: e.RetryAfter);
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException)
        {
            return new SendResult(SendOutcome.Retryable, Error: SendProgress.AtPart(e.Message, progress.PartsSent, messages.Count));
        }
    }
}
