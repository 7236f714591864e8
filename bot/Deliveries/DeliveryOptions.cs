using System.ComponentModel.DataAnnotations;

namespace NewsBrief.Bot.Deliveries;

/// <summary>How the outbox is sent (section <c>Delivery</c>).</summary>
public sealed record DeliveryOptions
{
    public const string SectionName = "Delivery";

    /// <summary>Sends of one delivery before it is reported failed and no longer tried. Default 6.</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; init; } = 6;

    /// <summary>Wait after the first failure; it doubles with each further one. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between tries. Default 1 h.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Whole-request timeout of a webhook POST. Default 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan WebhookTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest one pass over the outbox sends before it leaves the rest to the next; it pages through everything due until then. Default 5 min.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan PassTimeLimit { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Destinations sent to at the same time, so one slow destination does not hold the others. Default 8.</summary>
    [Range(1, 64)]
    public int ParallelDestinations { get; init; } = 8;

    /// <summary>The least time between two messages to one Slack webhook (Slack allows about one a second). Default 1 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan SlackWebhookInterval { get; init; } = TimeSpan.FromSeconds(1);
}
