using System.Globalization;
using System.Text.Json.Nodes;
using NewsBrief.Core.Chat;

namespace NewsBrief.Discord;

/// <summary>The parts of an INTERACTION_CREATE payload the bot uses, read from Discord's JSON.</summary>
public sealed record DiscordInteraction
{
    public const int ApplicationCommand = 2, Autocomplete = 4;

    public required string Id { get; init; }
    public required string Token { get; init; }
    public required string ApplicationId { get; init; }
    public required int Type { get; init; }
    public required string Name { get; init; }
    public string? Subcommand { get; init; }
    public required IReadOnlyDictionary<string, string> Options { get; init; }

    /// <summary>For autocomplete: the option being typed and what was typed so far.</summary>
    public string? FocusedOption { get; init; }
    public string FocusedValue { get; init; } = "";

    public required ChatUser User { get; init; }

    /// <summary>The member's permission bits in the channel (0 in a DM).</summary>
    public ulong Permissions { get; init; }
    public IReadOnlyList<string> RoleIds { get; init; } = [];
    public string? ChannelId { get; init; }
    public string? GuildId { get; init; }

    private const ulong Administrator = 1UL << 3, ManageGuild = 1UL << 5;

    /// <summary>Manage Server (or Administrator), or one of the configured admin roles.</summary>
    public bool IsAdmin(IReadOnlyCollection<string> adminRoleIds) =>
        (Permissions & (ManageGuild | Administrator)) != 0 || RoleIds.Any(adminRoleIds.Contains);

    public ChatCommand ToCommand(bool isAdmin) => new(Name, Subcommand, Options, User, isAdmin, ChannelId, GuildId);

    /// <summary>Reads an interaction; throws <see cref="FormatException"/> naming the missing field.</summary>
    public static DiscordInteraction Parse(JsonNode payload)
    {
        var data = payload["data"] ?? throw new FormatException("interaction without data");
        var member = payload["member"];
        var user = member?["user"] ?? payload["user"] ?? throw new FormatException("interaction without member.user or user");
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        string? sub = null, focused = null, focusedValue = "";
        var list = data["options"] as JsonArray;
        if (list is [JsonObject first] && first["type"]?.GetValue<int>() is 1 or 2)
        {
            sub = first["name"]?.GetValue<string>();
            list = first["options"] as JsonArray;
            if (list is [JsonObject inner] && inner["type"]?.GetValue<int>() == 1)
            {
                sub = $"{sub} {inner["name"]?.GetValue<string>()}"; // a subcommand group: "group sub"
                list = inner["options"] as JsonArray;
            }
        }
        foreach (var option in (list ?? []).OfType<JsonObject>())
        {
            if (option["name"]?.GetValue<string>() is not { } name) continue;
            var value = option["value"] is JsonValue v ? Text(v) : "";
            options[name] = value;
            if (option["focused"]?.GetValue<bool>() == true) (focused, focusedValue) = (name, value);
        }
        return new DiscordInteraction
        {
            Id = Required(payload, "id"),
            Token = Required(payload, "token"),
            ApplicationId = Required(payload, "application_id"),
            Type = payload["type"]?.GetValue<int>() ?? throw new FormatException("interaction without type"),
            Name = data["name"]?.GetValue<string>() ?? throw new FormatException("interaction without data.name"),
            Subcommand = sub,
            Options = options,
            FocusedOption = focused,
            FocusedValue = focusedValue,
            User = new ChatUser(Required(user, "id"), user["global_name"]?.GetValue<string>() ?? user["username"]?.GetValue<string>() ?? "unknown"),
            Permissions = ulong.TryParse(member?["permissions"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var bits) ? bits : 0,
            RoleIds = (member?["roles"] as JsonArray)?.Select(r => r?.ToString() ?? "").ToList() ?? [],
            ChannelId = payload["channel_id"]?.ToString(),
            GuildId = payload["guild_id"]?.ToString(),
        };
    }

    private static string Required(JsonNode node, string name) =>
        node[name]?.ToString() is { Length: > 0 } value ? value : throw new FormatException($"interaction without {name}");

    private static string Text(JsonValue value) => value.GetValueKind() switch
    {
        System.Text.Json.JsonValueKind.String => value.GetValue<string>(),
        _ => value.ToJsonString(),
    };
}
