namespace NewsBrief.Bot.Deliveries;

/// <summary>
/// Slack settings (section <c>Slack</c>). Incoming webhooks need none; <c>slack:channel:ID</c> destinations need
/// <c>Slack:BotToken</c> (a secret: user secrets or <c>NewsBrief__Slack__BotToken</c>).
/// </summary>
public sealed record SlackOptions
{
    public const string SectionName = "Slack";

    /// <summary>A bot token (<c>xoxb-…</c>) with the <c>chat:write</c> scope, for <c>slack:channel:ID</c>.</summary>
    public string? BotToken { get; init; }
    /// <summary>The Web API base address; only tests change it.</summary>
    public string ApiBaseUrl { get; init; } = "https://slack.com/api/";
}
