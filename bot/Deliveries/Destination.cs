namespace NewsBrief.Bot.Deliveries;

/// <summary>The kind of place a delivery goes.</summary>
public enum DestinationKind
{
    Console,
    DiscordChannel,
    DiscordDm,
    Webhook,
}

/// <summary>
/// Where alerts and briefs go, stored as a string: <c>console</c>, <c>discord:channel:ID</c>,
/// <c>discord:dm:USERID</c> or <c>webhook:URL</c> (http or https).
/// </summary>
public sealed record Destination(DestinationKind Kind, string Target)
{
    public static Destination Console { get; } = new(DestinationKind.Console, "");

    public static Destination Parse(string text) =>
        TryParse(text, out var destination, out var error) ? destination : throw new FormatException(error);

    public static bool TryParse(string? text, out Destination destination, out string error)
    {
        destination = Console;
        error = "";
        var s = text?.Trim() ?? "";
        if (s.Equals("console", StringComparison.OrdinalIgnoreCase)) return true;
        if (s.StartsWith("webhook:", StringComparison.OrdinalIgnoreCase))
        {
            var url = s["webhook:".Length..];
            if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                destination = new Destination(DestinationKind.Webhook, uri.AbsoluteUri);
                return true;
            }
            error = $"'{url}' is not an http or https URL (write webhook:https://host/path)";
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
        error = $"unknown destination '{text}'; expected console, discord:channel:<id>, discord:dm:<userId> or webhook:<url>";
        return false;
    }

    /// <summary>The stored form, which <see cref="Parse"/> reads back.</summary>
    public override string ToString() => Kind switch
    {
        DestinationKind.Console => "console",
        DestinationKind.DiscordChannel => $"discord:channel:{Target}",
        DestinationKind.DiscordDm => $"discord:dm:{Target}",
        _ => $"webhook:{Target}",
    };

    /// <summary>The form safe for logs and listings: a webhook URL carries its secret in the path, so only its host is shown.</summary>
    public string Redacted => Kind == DestinationKind.Webhook && Uri.TryCreate(Target, UriKind.Absolute, out var uri)
        ? $"webhook:{uri.Scheme}://{uri.Authority}/…"
        : ToString();
}
