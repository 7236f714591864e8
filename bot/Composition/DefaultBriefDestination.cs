using Microsoft.Extensions.Configuration;

namespace NewsBrief.Bot.Composition;

/// <summary>Where the daily brief of Brief:DailyTime goes: the Discord webhook when Discord:WebhookUrl is set, else the console.</summary>
public sealed record DefaultBriefDestination(string Destination)
{
    public static DefaultBriefDestination From(IConfiguration configuration) =>
        new(configuration["Discord:WebhookUrl"] is { Length: > 0 } hook ? "webhook:" + hook : "console");
}
