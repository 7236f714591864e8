namespace NewsBrief.Core.Domain;

/// <summary>A recurring brief to one destination: a cron expression in an IANA time zone, optionally limited to topics.</summary>
public sealed record BriefSchedule
{
    public long Id { get; init; }
    public required string Destination { get; init; }
    /// <summary>Five-field cron, e.g. <c>0 8 * * 1-5</c>.</summary>
    public required string Cron { get; init; }
    public required string TimeZone { get; init; }
    public IReadOnlyList<string> Topics { get; init; } = [];
    /// <summary>Local <c>HH:mm-HH:mm</c> during which the brief is held until the end of the quiet period; null for none.</summary>
    public string? QuietHours { get; init; }
    /// <summary><c>user</c> (set with <c>schedule set</c>) or <c>config</c> (the console default from <c>Brief:DailyTime</c>, which a user one replaces).</summary>
    public string Origin { get; init; } = "user";
    public DateTimeOffset Created { get; init; }
    /// <summary>The last occurrence a brief was queued for (at most one brief per occurrence).</summary>
    public DateTimeOffset? LastOccurrence { get; init; }
}
