using System.ComponentModel.DataAnnotations;

namespace NewsBrief.Bot.Configuration;

/// <summary>What a brief holds and when the daily one is posted (section <c>Brief</c>).</summary>
public sealed record BriefOptions
{
    public const string SectionName = "Brief";

    /// <summary>Window of a brief when none is given. Default 24 h.</summary>
    [Range(typeof(TimeSpan), "00:10:00", "90.00:00:00")]
    public TimeSpan DefaultWindow { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Stories in a brief, at most. Default 20.</summary>
    [Range(1, 200)]
    public int MaxStories { get; init; } = 20;

    /// <summary>Stories per topic, at most. Default 6.</summary>
    [Range(1, 50)]
    public int MaxStoriesPerTopic { get; init; } = 6;

    /// <summary>Stories under "other news" (matching no topic), at most; 0 leaves the section out. Default 3.</summary>
    [Range(0, 50)]
    public int MaxOtherStories { get; init; } = 3;

    /// <summary>
    /// Order of the sections: <c>topics</c> (as in topics.json, default) or <c>rank</c> (the section of the best
    /// story first). "Other news" comes last either way.
    /// </summary>
    [Required, RegularExpression("^(topics|rank)$", ErrorMessage = "must be 'topics' or 'rank'")]
    public string SectionOrder { get; init; } = "topics";

    /// <summary>Local time of the daily brief of <c>newsbrief run</c>, as HH:mm. Default 08:00.</summary>
    [Required, RegularExpression(@"^([01]\d|2[0-3]):[0-5]\d$", ErrorMessage = "must be a time of day like 08:00")]
    public string DailyTime { get; init; } = "08:00";

    /// <summary>IANA time zone of <see cref="DailyTime"/>. Default UTC.</summary>
    [Required]
    public string TimeZone { get; init; } = "UTC";

    /// <summary>Days ahead the "Coming up" section of a brief looks, from today (in <see cref="TimeZone"/>). Default 14; 0 leaves it out.</summary>
    [Range(0, 366)]
    public int UpcomingDays { get; init; } = 14;

    /// <summary>Events in a brief's "Coming up" section, at most. Default 15.</summary>
    [Range(1, 100)]
    public int MaxUpcoming { get; init; } = 15;

    /// <summary>Topic of stories that match no configured topic.</summary>
    [Required]
    public string OtherTopic { get; init; } = "Other news";

    /// <summary>The zone <see cref="TimeZone"/> names (<see cref="BriefOptionsValidator"/> has checked that it exists).</summary>
    public TimeZoneInfo Zone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}
