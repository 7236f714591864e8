using System.Net;
using NewsBrief.Bot.Discord;
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

    public async Task<SendResult> SendAsync(Delivery delivery, Destination destination, CancellationToken cancellationToken)
    {
        try
        {
            var ids = await new DiscordWebhookClient(http, destination.Target).SendAsync(OutboxMessage.From(delivery).ToReply(), cancellationToken);
            return SendResult.Ok(ids.FirstOrDefault());
        }
        catch (DiscordApiException e)
        {
            var status = (int)e.Status;
            var permanent = status is >= 400 and < 500 && e.Status != HttpStatusCode.TooManyRequests;
            return new SendResult(permanent ? SendOutcome.Permanent : SendOutcome.Retryable, Error: e.Message, RetryAfter: e.RetryAfter);
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException)
        {
            return new SendResult(SendOutcome.Retryable, Error: e.Message);
        }
    }
}
