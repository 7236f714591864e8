using NewsBrief.Core.Domain;

namespace NewsBrief.Bot.Deliveries;

/// <summary>What became of one send.</summary>
public enum SendOutcome
{
    Sent,
    /// <summary>Try again later (a timeout, a 5xx, a 429).</summary>
    Retryable,
    /// <summary>Never try again (a 4xx: the destination or the message is wrong).</summary>
    Permanent,
}

/// <summary>The result of one send: the platform's message id when sent, else the error.</summary>
public sealed record SendResult(SendOutcome Outcome, string? MessageId = null, string? Error = null, TimeSpan? RetryAfter = null)
{
    public static SendResult Ok(string? messageId) => new(SendOutcome.Sent, messageId);
}

/// <summary>Sends outbox rows to one kind of destination (console, webhook; Discord plugs in here).</summary>
public interface IDeliverySender
{
    bool Handles(Destination destination);

    /// <summary>Sends one delivery. Failures are returned, not thrown; the idempotency key goes with the message where the platform takes one.</summary>
    Task<SendResult> SendAsync(Delivery delivery, Destination destination, CancellationToken cancellationToken);

    /// <summary>
    /// Sends one delivery, resuming after the parts <paramref name="progress"/> says are out and reporting each part as it
    /// goes. Senders that split a message (Slack, Teams, Discord) implement it; a single message needs no progress.
    /// </summary>
    Task<SendResult> SendAsync(Delivery delivery, Destination destination, SendProgress progress, CancellationToken cancellationToken) =>
        SendAsync(delivery, destination, cancellationToken);
}
