namespace NewsBrief.Core.Domain;

/// <summary>How a source is doing, as the last polls left it.</summary>
public enum SourceHealth
{
    Unknown,
    Healthy,
    Failing,
}

/// <summary>Per-source polling state kept in the store: validators for conditional GET, timing and health.</summary>
public sealed record SourceState
{
    public required string SourceId { get; init; }
    public string? ETag { get; init; }
    public string? LastModified { get; init; }
    public DateTimeOffset? LastPolled { get; init; }
    public DateTimeOffset? LastSuccess { get; init; }
    public DateTimeOffset? NextPoll { get; init; }
    public int ConsecutiveFailures { get; init; }
    public string? LastError { get; init; }
    /// <summary>A short word for the outcome of the last poll (<c>ok</c>, <c>not-modified</c>, <c>server-error</c>, ...).</summary>
    public string? LastOutcome { get; init; }
    public int ArticleCount { get; init; }

    public SourceHealth Health => LastPolled is null
        ? SourceHealth.Unknown
        : ConsecutiveFailures > 0 ? SourceHealth.Failing : SourceHealth.Healthy;
}
