namespace NewsBrief.Scrapers.Refresh;

/// <summary>What one poll of one source did.</summary>
public sealed record PollReport
{
    public required string SourceId { get; init; }
    public required string SourceName { get; init; }
    /// <summary><c>ok</c>, <c>not-modified</c>, <c>skipped</c>, or a failure word (<c>server-error</c>, <c>unparseable</c>, ...).</summary>
    public required string Outcome { get; init; }
    public int Items { get; init; }
    public int Inserted { get; init; }
    public int Updated { get; init; }
    public int PagesFetched { get; init; }
    public string? Error { get; init; }
    public TimeSpan Elapsed { get; init; }
    public DateTimeOffset? NextPoll { get; init; }

    public bool Failed => Error is not null;
}
