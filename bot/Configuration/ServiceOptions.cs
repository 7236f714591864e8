using System.ComponentModel.DataAnnotations;

namespace NewsBrief.Bot.Configuration;

/// <summary>How the long-running service polls (section <c>Service</c>).</summary>
public sealed record ServiceOptions
{
    public const string SectionName = "Service";

    /// <summary>How often the service looks for sources that are due. Default 1 minute.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan PollTick { get; init; } = TimeSpan.FromMinutes(1);
}
