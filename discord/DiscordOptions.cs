using System.ComponentModel.DataAnnotations;

namespace NewsBrief.Discord;

/// <summary>The "Discord" configuration section: bot token, optional guild, admin roles, API address, webhook.</summary>
public sealed record DiscordOptions
{
    public const string SectionName = "Discord";

    /// <summary>The bot token from the Developer Portal (checked by <see cref="DiscordOptionsValidator"/>, as the other keys). Secret: set it with NewsBrief__Discord__Token or user secrets.</summary>
    public string Token { get; init; } = "";

    /// <summary>When set, slash commands are registered on this server only (instant); otherwise globally.</summary>
    public string? GuildId { get; init; }

    /// <summary>Role ids whose members may manage sources and schedules, beside holders of Manage Server.</summary>
    public string[] AdminRoleIds { get; init; } = [];

    /// <summary>The REST base address, with the API version. Default https://discord.com/api/v10.</summary>
    [Required]
    public string ApiBaseUrl { get; init; } = "https://discord.com/api/v10";

    /// <summary>An optional channel webhook (https://discord.com/api/webhooks/ID/TOKEN) for scheduled posts. Secret.</summary>
    public string? WebhookUrl { get; init; }

    /// <summary>Per-user limit on /brief and /summary within <see cref="UserRateWindow"/>. Default 3.</summary>
    [Range(1, 1000)]
    public int UserRateLimit { get; init; } = 3;

    /// <summary>The window of the per-user limit. Default one minute.</summary>
    public TimeSpan UserRateWindow { get; init; } = TimeSpan.FromMinutes(1);
}
