using Microsoft.Extensions.Options;

namespace NewsBrief.Discord;

/// <summary>The Discord section's checks (token shape, URL shapes, snowflakes, the rate window), each failure "Discord:Key: reason" with the value at fault.</summary>
public sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Token))
            failures.Add("Discord:Token: missing: set NewsBrief__Discord__Token or a user secret (see docs/discord.md).");
        else if (options.Token.Any(char.IsWhiteSpace) || options.Token.StartsWith("Bot ", StringComparison.OrdinalIgnoreCase))
            failures.Add("Discord:Token: must be the bare bot token, without spaces or a 'Bot ' prefix.");
        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp))
            failures.Add($"Discord:ApiBaseUrl: must be an absolute http(s) URL, e.g. https://discord.com/api/v10 (got '{options.ApiBaseUrl}').");
        if (options.GuildId is { } guild && !IsSnowflake(guild))
            failures.Add($"Discord:GuildId: must be a numeric server id (got '{guild}').");
        foreach (var role in options.AdminRoleIds.Where(r => !IsSnowflake(r)))
            failures.Add($"Discord:AdminRoleIds: contains '{role}', which is not a numeric role id.");
        if (options.WebhookUrl is { Length: > 0 } hook && !DiscordWebhookClient.IsWebhookUrl(hook))
            failures.Add("Discord:WebhookUrl: must look like https://discord.com/api/webhooks/ID/TOKEN.");
        if (options.UserRateWindow <= TimeSpan.Zero)
            failures.Add("Discord:UserRateWindow: must be a positive duration such as 00:01:00.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsSnowflake(string value) => value.Length is > 0 and <= 20 && value.All(char.IsAsciiDigit);
}
