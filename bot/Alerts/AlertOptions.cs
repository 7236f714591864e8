using System.ComponentModel.DataAnnotations;

namespace NewsBrief.Bot.Alerts;

/// <summary>Limits and timing of keyword alerts (section <c>Alerts</c>).</summary>
public sealed record AlertOptions
{
    public const string SectionName = "Alerts";

    /// <summary>Subscriptions one owner may hold. Default 50.</summary>
    [Range(1, 100_000)]
    public int MaxSubscriptionsPerOwner { get; init; } = 50;

    /// <summary>Longest query, in characters (at most the query language's own limit, 1000). Default 500.</summary>
    [Range(10, 1000)]
    public int MaxQueryLength { get; init; } = 500;

    /// <summary>Instant alerts a subscription gets per rolling 24 hours; the overflow goes into its next digest. Default 20.</summary>
    [Range(1, 10_000)]
    public int DailyCap { get; init; } = 20;

    /// <summary>Local time (in <c>Brief:TimeZone</c>) when digests are sent, as HH:mm. Default 08:00.</summary>
    [Required, RegularExpression(@"^([01]\d|2[0-3]):[0-5]\d$", ErrorMessage = "must be a time of day like 08:00")]
    public string DigestTime { get; init; } = "08:00";

    /// <summary>Articles read per scan transaction. Default 500.</summary>
    [Range(1, 100_000)]
    public int ScanBatch { get; init; } = 500;
}
