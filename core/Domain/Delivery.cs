namespace NewsBrief.Core.Domain;

/// <summary>Where a delivery stands in the outbox.</summary>
public enum DeliveryStatus
{
    Pending,
    Sent,
    Failed,
}

/// <summary>
/// An outbox row: a message to one destination, written in the same transaction as the state that
/// caused it, then sent and marked sent with the platform's message id.
/// </summary>
public sealed record Delivery
{
    public long Id { get; init; }
    public required string Destination { get; init; }
    /// <summary><c>alert</c>, <c>digest</c> or <c>brief</c>.</summary>
    public required string Kind { get; init; }
    /// <summary>Unique per message: the same cause never produces a second row.</summary>
    public required string IdempotencyKey { get; init; }
    public long? SubscriptionId { get; init; }
    /// <summary>The machine-readable message (JSON).</summary>
    public required string Payload { get; init; }
    /// <summary>The message as a person reads it.</summary>
    public required string Text { get; init; }
    public DateTimeOffset Created { get; init; }
    public DeliveryStatus Status { get; init; } = DeliveryStatus.Pending;
    public int Attempts { get; init; }
    public DateTimeOffset NextAttempt { get; init; }
    public string? LastError { get; init; }
    public DateTimeOffset? Sent { get; init; }
    public string? MessageId { get; init; }
    /// <summary>How many messages of a delivery split into several are already out: a resend starts after them.</summary>
    public int PartsSent { get; init; }
}
