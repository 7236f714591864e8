using Cronos;

namespace NewsBrief.Bot.Schedules;

/// <summary>The next time a daily brief is due: a time of day in an IANA zone, correct across DST changes. Pure.</summary>
public static class DailySchedule
{
    public static DateTimeOffset Next(DateTimeOffset after, string timeOfDay, TimeZoneInfo zone)
    {
        var parts = timeOfDay.Split(':');
        var cron = CronExpression.Parse($"{int.Parse(parts[1])} {int.Parse(parts[0])} * * *");
        return cron.GetNextOccurrence(after, zone) ?? throw new InvalidOperationException($"no next occurrence of {timeOfDay}");
    }
}
