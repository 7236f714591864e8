using Cronos;

namespace NewsBrief.Bot.Schedules;

/// <summary>What a schedule should do now: run one occurrence, record a missed one as skipped, or nothing.</summary>
public sealed record ScheduleDecision(DateTimeOffset? Run, DateTimeOffset? Skip)
{
    public static ScheduleDecision Nothing { get; } = new(null, null);
}

/// <summary>
/// Cron occurrences in an IANA zone (Cronos: a local time that a DST change skips runs once at the
/// change, a repeated one runs once), and the catch-up rule: after downtime, only the latest missed
/// occurrence runs, and only within the catch-up window. Pure.
/// </summary>
public static class ScheduleCalendar
{
    public static CronExpression Parse(string cron)
    {
        try { return CronExpression.Parse(cron, CronFormat.Standard); }
        catch (CronFormatException e)
        {
            throw new FormatException($"'{cron}' is not a five-field cron expression ({CronFields.Layout}, e.g. \"0 8 * * 1-5\"): {CronFields.Problem(cron) ?? e.Message}");
        }
    }

    public static DateTimeOffset? Next(string cron, TimeZoneInfo zone, DateTimeOffset after) =>
        Parse(cron).GetNextOccurrence(after, zone);

    /// <param name="after">The last occurrence handled (or when the schedule was made); only later ones count.</param>
    public static ScheduleDecision Decide(string cron, TimeZoneInfo zone, DateTimeOffset after, DateTimeOffset now, TimeSpan catchUpWindow)
    {
        if (now <= after) return ScheduleDecision.Nothing;
        var latest = Parse(cron).GetOccurrences(after, now, zone, fromInclusive: false, toInclusive: true).LastOrDefault();
        if (latest == default) return ScheduleDecision.Nothing;
        return now - latest <= catchUpWindow ? new ScheduleDecision(latest, null) : new ScheduleDecision(null, latest);
    }
}
