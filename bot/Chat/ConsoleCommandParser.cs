using System.Text;
using NewsBrief.Core.Chat;

namespace NewsBrief.Bot.Chat;

/// <summary>
/// Reads a chat command typed on the console, Discord-style: <c>/brief topic:"TikTok bans" since:48h</c>,
/// <c>/sources add https://example.org</c>, <c>/summary https://...</c>. Words not given as
/// <c>option:value</c> fill the command's main option. Pure.
/// </summary>
public static class ConsoleCommandParser
{
    private static readonly Dictionary<string, string[]> Subcommands = new(StringComparer.Ordinal)
    {
        ["sources"] = ["list", "add", "remove", "check"],
        ["schedule"] = ["set", "show", "clear"],
    };

    /// <summary>Option names of each command (and subcommand); the first takes leftover words.</summary>
    private static readonly Dictionary<string, string[]> Options = new(StringComparer.Ordinal)
    {
        ["brief"] = ["topic", "since"],
        ["summary"] = ["url"],
        ["subscribe"] = ["query", "mode"],
        ["unsubscribe"] = ["id"],
        ["sources add"] = ["url", "name"],
        ["sources remove"] = ["source"],
        ["sources check"] = ["source"],
        ["schedule set"] = ["cron", "timezone", "topic"],
    };

    public static ChatCommand? Parse(string line, ChatUser user, out string? error)
    {
        error = null;
        var tokens = Tokenise(line.Trim());
        if (tokens.Count == 0 || !tokens[0].StartsWith('/')) return null;
        var name = tokens[0][1..].ToLowerInvariant();
        var rest = tokens.Skip(1).ToList();
        string? sub = null;
        if (Subcommands.TryGetValue(name, out var subs))
        {
            sub = rest.Count > 0 && subs.Contains(rest[0].ToLowerInvariant()) ? rest[0].ToLowerInvariant() : subs[0];
            if (rest.Count > 0 && rest[0].Equals(sub, StringComparison.OrdinalIgnoreCase)) rest.RemoveAt(0);
        }
        var known = Options.GetValueOrDefault(sub is null ? name : $"{name} {sub}") ?? [];
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var loose = new List<string>();
        foreach (var token in rest)
        {
            var colon = token.IndexOf(':');
            var key = colon > 0 ? token[..colon].ToLowerInvariant() : null;
            if (key is not null && known.Contains(key)) options[key] = token[(colon + 1)..];
            else loose.Add(token);
        }
        if (loose.Count > 0)
        {
            if (known.Length == 0 || options.ContainsKey(known[0]))
            {
                error = $"/{name}{(sub is null ? "" : " " + sub)} does not take '{string.Join(' ', loose)}'" + (known.Length > 0 ? $"; its options: {string.Join(", ", known.Select(k => k + ":"))}" : "");
                return null;
            }
            options[known[0]] = string.Join(' ', loose);
        }
        return new ChatCommand(name, sub, options, user, IsAdmin: true, ChannelId: "console", GuildId: null);
    }

    /// <summary>Splits on spaces, keeping "quoted text" (also after key:) together.</summary>
    private static List<string> Tokenise(string line)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"') quoted = !quoted;
            else if (char.IsWhiteSpace(c) && !quoted)
            {
                if (current.Length > 0) tokens.Add(current.ToString());
                current.Clear();
            }
            else current.Append(c);
        }
        if (current.Length > 0) tokens.Add(current.ToString());
        return tokens;
    }
}
