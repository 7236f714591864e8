using System.ComponentModel.DataAnnotations;

namespace NewsBrief.Bot.Schedules;

/// <summary>How scheduled briefs and the alert loop of <c>run</c> behave (section <c>Schedules</c>).</summary>
public sealed record ScheduleOptions
{
    public const string SectionName = "Schedules";

    /// <summary>A brief missed while the service was down is still sent if this little time has passed since it was due. Default 6 h.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan CatchUpWindow { get; init; } = TimeSpan.FromHours(6);

    /// <summary>How often <c>run</c> checks schedules, scans for alerts and sends the outbox; instant alerts arriving within one tick go out together. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Tick { get; init; } = TimeSpan.FromSeconds(30);
}
