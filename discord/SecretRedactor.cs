using System.Text.RegularExpressions;

namespace NewsBrief.Discord;

/// <summary>
/// Removes the bot token, webhook URLs and interaction tokens from any text before it reaches a log line
/// or an exception message. Every Discord error path goes through one instance.
/// </summary>
public sealed partial class SecretRedactor
{
    public const string Mask = "[redacted]";
    private readonly string[] _secrets;

    public SecretRedactor(params IEnumerable<string?> secrets) =>
        _secrets = secrets.Where(s => !string.IsNullOrEmpty(s) && s.Length >= 6).Select(s => s!)
            .Distinct().OrderByDescending(s => s.Length).ToArray();

    /// <summary>A redactor for the secrets of these options (token and webhook URL).</summary>
    public static SecretRedactor For(DiscordOptions options) => new(options.Token, options.WebhookUrl);

    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        foreach (var secret in _secrets)
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        // webhook and interaction tokens sit in paths: /webhooks/{id}/{token}, /interactions/{id}/{token}
        text = TokenInPath().Replace(text, m => m.Groups[1].Value + Mask);
        return BotHeader().Replace(text, "Bot " + Mask);
    }

    [GeneratedRegex(@"(/(?:webhooks|interactions)/\d+/)[A-Za-z0-9_\-.]{8,}")]
    private static partial Regex TokenInPath();

    [GeneratedRegex(@"Bot [A-Za-z0-9_\-.]{20,}")]
    private static partial Regex BotHeader();
}
