namespace NewsBrief.Core.Domain;

/// <summary>How a subscription's alerts arrive: each poll's matches at once, or folded into a daily digest.</summary>
public enum AlertMode
{
    Instant,
    Digest,
}

/// <summary>A keyword alert subscription: who owns it, the query, where its alerts go and how.</summary>
public sealed record Subscription
{
    public long Id { get; init; }
    public required string Owner { get; init; }
    public string? Name { get; init; }
    public required string Query { get; init; }
    /// <summary><c>console</c>, <c>discord:channel:ID</c>, <c>discord:dm:USERID</c> or <c>webhook:URL</c>.</summary>
    public required string Destination { get; init; }
    public AlertMode Mode { get; init; } = AlertMode.Instant;
    public DateTimeOffset Created { get; init; }
    /// <summary>Articles with an id up to this one were stored before the subscription and never alert it.</summary>
    public long StartAfter { get; init; }
    /// <summary>Instant alerts per rolling 24 hours; the overflow waits for the next digest.</summary>
    public int DailyCap { get; init; } = 20;
    public DateTimeOffset? LastDigest { get; init; }

    /// <summary>The name to show: the given name, else the query.</summary>
    public string Label => string.IsNullOrWhiteSpace(Name) ? Query : Name!;
}
