using System.Globalization;

namespace NewsBrief.Bot.Schedules;

/// <summary>
/// A daily local period (<c>22:00-07:00</c>, may span midnight) in which nothing is sent to a destination;
/// what falls due then waits for its end. Pure.
/// </summary>
public sealed record QuietHours(TimeOnly From, TimeOnly To)
{
    public static QuietHours Parse(string text) =>
        TryParse(text, out var quiet) ? quiet : throw new FormatException($"'{text}' is not a quiet period; write it like 22:00-07:00");

    public static bool TryParse(string? text, out QuietHours quiet)
    {
        quiet = new QuietHours(default, default);
        var parts = (text ?? "").Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to)
            || from == to)
            return false;
        quiet = new QuietHours(from, to);
        return true;
    }

    /// <summary>When the quiet period that <paramref name="now"/> falls in ends; null when it is not quiet.</summary>
    public DateTimeOffset? EndIfQuiet(DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var quiet = From < To ? time >= From && time < To : time >= From || time < To;
        if (!quiet) return null;
        var endDay = From < To || time < To ? local.Date : local.Date.AddDays(1);
        var endLocal = endDay + To.ToTimeSpan();
        // A local end time that a DST change skips is taken as the first valid instant after it.
        while (zone.IsInvalidTime(endLocal)) endLocal = endLocal.AddMinutes(1);
        return new DateTimeOffset(endLocal, zone.GetUtcOffset(endLocal));
    }

    public override string ToString() => $"{From:HH\\:mm}-{To:HH\\:mm}";
}
