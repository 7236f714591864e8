using System.Net;
using System.Security.Cryptography;
using System.Text;
using NewsBrief.Discord;
using NewsBrief.Core.Domain;

namespace NewsBrief.Bot.Deliveries;

/// <summary>
/// Posts a delivery to a Discord channel or a user's DMs through the bot's REST client, rendered from its document exactly as <c>/brief</c> (embeds, numbered links). Each message carries a nonce
/// made from the outbox key (with <c>enforce_nonce</c>), so a resend after a crash or a 429 does not
/// post twice. 4xx (but 429) is permanent; 5xx, 429 and network failures are retried.
/// </summary>
public sealed class DiscordChannelSender(Func<DiscordRestClient?> rest) : IDeliverySender
{
    public bool Handles(Destination destination) => destination.Kind is DestinationKind.DiscordChannel or DestinationKind.DiscordDm;

    public Task<SendResult> SendAsync(Delivery delivery, Destination destination, CancellationToken cancellationToken) =>
        SendAsync(delivery, destination, SendProgress.FromStart, cancellationToken);

    public async Task<SendResult> SendAsync(Delivery delivery, Destination destination, SendProgress progress, CancellationToken cancellationToken)
    {
        if (rest() is not { } client) return new SendResult(SendOutcome.Retryable, Error: "Discord is not connected yet");
        var messages = DiscordReplyRenderer.Render(OutboxMessage.From(delivery).ToReply(), ephemeral: false);
        string? first = null;
        try
        {
            var channel = destination.Kind == DestinationKind.DiscordDm
                ? await client.OpenDirectMessageAsync(destination.Target, cancellationToken)
                : destination.Target;
            for (var i = progress.PartsSent; i < messages.Count; i++)
            {
                var id = await client.CreateMessageAsync(channel, messages[i], Nonce(delivery.IdempotencyKey, i), cancellationToken);
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
        catch (HttpRequestException e)
        {
            return new SendResult(SendOutcome.Retryable, Error: SendProgress.AtPart(e.Message, progress.PartsSent, messages.Count));
        }
    }

    /// <summary>Discord nonces are at most 25 characters: a hash of the outbox key and the part number.</summary>
    public static string Nonce(string idempotencyKey, int part) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{idempotencyKey}#{part}")))[..25];
}
