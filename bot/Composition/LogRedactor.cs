using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using NewsBrief.Bot.Configuration;
using NewsBrief.Discord;
using NewsBrief.Core.Configuration;

namespace NewsBrief.Bot.Composition;

/// <summary>
/// The secrets of this configuration, for every log line: the configured tokens, keys and passwords, the values of
/// the environment variables sources.json refers to, and the shapes of secret URLs (Discord webhook and interaction
/// tokens, Slack hooks, a password in a URL). Built on the Discord client's <see cref="SecretRedactor"/>, not beside it.
/// </summary>
public sealed partial class LogRedactor
{
    /// <summary>The keys whose values are secrets (also the Discord webhook URL, whose path holds a token).</summary>
    public static readonly string[] SecretKeys =
        ["Discord:Token", "Discord:WebhookUrl", "Summariser:ApiKey", "Smtp:Password", "Slack:BotToken", "Web:AdminToken"];

    private readonly SecretRedactor _secrets;

    public LogRedactor(IEnumerable<string?> secrets) => _secrets = new SecretRedactor(secrets);

    public static LogRedactor For(AppConfiguration config) => new(
        SecretKeys.Select(k => config.Root[k])
            .Concat(config.Sources.SelectMany(s => s.Headers.Values.Append(s.Cookie ?? ""))
                .Where(v => EnvironmentReferences.HasReference(v)).Select(EnvironmentReferences.Expand)));

    public string Redact(string? text)
    {
        var redacted = _secrets.Redact(text);
        redacted = SlackHook().Replace(redacted, m => m.Groups[1].Value + SecretRedactor.Mask);
        return UrlPassword().Replace(redacted, m => m.Groups[1].Value + SecretRedactor.Mask + "@");
    }

    [GeneratedRegex(@"(hooks\.slack\.com/(?:services|workflows)/)[A-Za-z0-9/_\-]{8,}")]
    private static partial Regex SlackHook();

    [GeneratedRegex(@"(://[^/\s:@]+:)[^/\s@]+@")]
    private static partial Regex UrlPassword();
}
