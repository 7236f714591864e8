using System.Net.Mail;

namespace NewsBrief.Bot.Deliveries;

/// <summary>The kind of place a delivery goes.</summary>
public enum DestinationKind
{
    Console,
    DiscordChannel,
    DiscordDm,
    Webhook,
    Email,
    SlackWebhook,
    SlackChannel,
    TeamsWebhook,
}

/// <summary>
/// Where alerts and briefs go, stored as a string: <c>console</c>, <c>discord:channel:ID</c>,
/// <c>discord:dm:USERID</c>, <c>webhook:URL</c> (http or https), <c>email:a@b.org[,c@d.org]</c>,
/// <c>slack:webhook:URL</c>, <c>slack:channel:ID</c> or <c>teams:webhook:URL</c>.
/// </summary>
public sealed record Destination(DestinationKind Kind, string Target)
{
    public const int MaxRecipients = 50;
    public static Destination Console { get; } = new(DestinationKind.Console, "");

    private static readonly (string Prefix, DestinationKind Kind)[] UrlKinds =
    [
        ("webhook:", DestinationKind.Webhook),
        ("slack:webhook:", DestinationKind.SlackWebhook),
        ("teams:webhook:", DestinationKind.TeamsWebhook),
    ];

    public static Destination Parse(string text) =>
        TryParse(text, out var destination, out var error) ? destination : throw new FormatException(error);

    public static bool TryParse(string? text, out Destination destination, out string error)
    {
        destination = Console;
        error = "";
        var s = text?.Trim() ?? "";
        if (s.Equals("console", StringComparison.OrdinalIgnoreCase)) return true;
        foreach (var (prefix, kind) in UrlKinds)
        {
            if (!s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) continue;
            var url = s[prefix.Length..];
            if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                destination = new Destination(kind, uri.AbsoluteUri);
                return true;
            }
            // Never echo the URL: it carries the secret.
            error = $"the address after '{prefix}' is not an http or https URL (write {prefix}https://host/path)";
            return false;
        }
        if (s.StartsWith("email:", StringComparison.OrdinalIgnoreCase)) return TryParseEmail(s["email:".Length..], out destination, out error);
        if (s.StartsWith("slack:channel:", StringComparison.OrdinalIgnoreCase))
        {
            var id = s["slack:channel:".Length..];
            if (id.Length is > 0 and <= 24 && id.All(char.IsAsciiLetterOrDigit))
            {
                destination = new Destination(DestinationKind.SlackChannel, id.ToUpperInvariant());
                return true;
            }
            error = $"'{id}' is not a Slack channel id (e.g. slack:channel:C0123456789; see the channel's details in Slack)";
            return false;
        }
        foreach (var (prefix, kind) in new[] { ("discord:channel:", DestinationKind.DiscordChannel), ("discord:dm:", DestinationKind.DiscordDm) })
        {
            if (!s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) continue;
            var id = s[prefix.Length..];
            if (id.Length is > 0 and <= 20 && id.All(char.IsAsciiDigit))
            {
                destination = new Destination(kind, id);
                return true;
            }
            error = $"'{id}' is not a Discord id (a number, e.g. {prefix}123456789012345678)";
            return false;
        }
        error = $"unknown destination '{Shorten(s)}'; expected console, discord:channel:<id>, discord:dm:<userId>, webhook:<url>, "
                + "email:<address>[,<address>], slack:webhook:<url>, slack:channel:<id> or teams:webhook:<url>";
        return false;
    }

    private static bool TryParseEmail(string list, out Destination destination, out string error)
    {
        destination = Console;
        var addresses = list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (addresses.Length == 0) { error = "email: give at least one address (email:someone@example.org)"; return false; }
        if (addresses.Length > MaxRecipients) { error = $"email: at most {MaxRecipients} addresses per destination"; return false; }
        foreach (var address in addresses)
        {
            if (!MailAddress.TryCreate(address, out var parsed) || parsed.Address != address || !address.Contains('@') || address.Contains(' '))
            {
                error = $"'{Shorten(address)}' is not an e-mail address (write email:someone@example.org[,more@example.org])";
                return false;
            }
        }
        destination = new Destination(DestinationKind.Email, string.Join(",", addresses.Select(a => a.ToLowerInvariant()).Distinct()));
        error = "";
        return true;
    }

    /// <summary>The e-mail addresses of an <see cref="DestinationKind.Email"/> destination.</summary>
    public IReadOnlyList<string> Recipients => Kind == DestinationKind.Email ? Target.Split(',') : [];

    /// <summary>The stored form, which <see cref="Parse"/> reads back.</summary>
    public override string ToString() => Kind switch
    {
        DestinationKind.Console => "console",
        DestinationKind.DiscordChannel => $"discord:channel:{Target}",
        DestinationKind.DiscordDm => $"discord:dm:{Target}",
        DestinationKind.Email => $"email:{Target}",
        DestinationKind.SlackWebhook => $"slack:webhook:{Target}",
        DestinationKind.SlackChannel => $"slack:channel:{Target}",
        DestinationKind.TeamsWebhook => $"teams:webhook:{Target}",
        _ => $"webhook:{Target}",
    };

    /// <summary>The form safe for logs and listings: a webhook URL carries its secret in the path, so only its host is shown.</summary>
    public string Redacted
    {
        get
        {
            var prefix = UrlKinds.FirstOrDefault(u => u.Kind == Kind).Prefix;
            return prefix is not null && Uri.TryCreate(Target, UriKind.Absolute, out var uri) ? $"{prefix}{uri.Scheme}://{uri.Authority}/…" : ToString();
        }
    }

    /// <summary>Redacts a stored destination string, also one that no longer parses (never shown whole).</summary>
    public static string RedactStored(string stored) =>
        TryParse(stored, out var d, out _) ? d.Redacted : Shorten(stored.Split('/', 4) is { Length: 4 } parts ? $"{parts[0]}//{parts[2]}/…" : stored);

    private static string Shorten(string s) => s.Length <= 80 ? s : s[..79] + "…";
}
