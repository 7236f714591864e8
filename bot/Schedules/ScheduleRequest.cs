using NewsBrief.Bot.Deliveries;
using NewsBrief.Core.Domain;
using NewsBrief.Core.Storage;

namespace NewsBrief.Bot.Schedules;

/// <summary>A schedule that cannot be set: <see cref="Field"/> names the value that is wrong (destination, cron, tz, topics, quiet).</summary>
public sealed class ScheduleRequestException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>Validates and stores a brief schedule; shared by <c>schedule set</c> and <c>/schedule set</c>.</summary>
public static class ScheduleRequest
{
    /// <returns>The stored schedule and its zone, for saying when the next brief comes.</returns>
    public static (BriefSchedule Schedule, TimeZoneInfo Zone) Set(ScheduleStore store, IReadOnlyList<string> knownTopics,
        string destination, string cron, string zoneId, IReadOnlyList<string> topics, string? quiet, DateTimeOffset now)
    {
        if (!Destination.TryParse(destination, out var dest, out var destError)) throw new ScheduleRequestException("destination", destError);
        cron = cron.Trim();
        try { ScheduleCalendar.Parse(cron); }
        catch (FormatException e) { throw new ScheduleRequestException("cron", e.Message); }
        zoneId = zoneId.Trim();
        TimeZoneInfo zone;
        try { zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId); }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new ScheduleRequestException("tz", $"'{zoneId}' is not a known IANA time zone (e.g. Europe/London)");
        }
        var resolved = topics.Select(n => knownTopics.FirstOrDefault(k => string.Equals(k, n.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ScheduleRequestException("topics", $"unknown topic \"{n}\" (known: {string.Join(", ", knownTopics.Select(k => $"\"{k}\""))})")).ToList();
        if (quiet is not null && !QuietHours.TryParse(quiet, out _))
            throw new ScheduleRequestException("quiet", $"'{quiet}' is not a quiet period; write it like 22:00-07:00");
        var saved = store.Set(new BriefSchedule
        {
            Destination = dest.ToString(), Cron = cron, TimeZone = zoneId, Topics = resolved, Created = now,
            QuietHours = quiet is null ? null : QuietHours.Parse(quiet).ToString(),
        });
        return (saved, zone);
    }
}
