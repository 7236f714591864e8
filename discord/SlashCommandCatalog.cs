using System.Text.Json.Nodes;

namespace NewsBrief.Discord;

/// <summary>
/// NewsBrief's slash commands: their Discord definitions (for the bulk PUT) and how each is answered —
/// deferred or at once, privately or in the channel, for admins only, rate-limited per user.
/// </summary>
public static class SlashCommandCatalog
{
    private const int String = 3, SubCommand = 1;

    /// <summary>Commands whose work may take longer than Discord's 3 s: acknowledged first, answered later.</summary>
    public static bool IsSlow(string command, string? sub) =>
        command is "brief" or "summary" or "subscribe" || (command == "sources" && sub is "check" or "add");

    /// <summary>Personal answers only the asker sees.</summary>
    public static bool IsPersonal(string command) => command is "subscribe" or "unsubscribe" or "subscriptions" or "help";

    /// <summary>Managing sources and schedules needs Manage Server or an admin role.</summary>
    public static bool NeedsAdmin(string command, string? sub) =>
        command == "schedule" || (command == "sources" && sub is "add" or "remove");

    /// <summary>Expensive commands limited per user.</summary>
    public static bool IsRateLimited(string command) => command is "brief" or "summary";

    public static JsonArray Definitions() =>
    [
        Command("brief", "A cited news brief, optionally on one topic",
            Option(String, "topic", "A topic name or a query", autocomplete: true, maxLength: 200),
            Option(String, "since", "How far back, e.g. 24h or 7d", maxLength: 10)),
        Command("summary", "Summarise one article", Option(String, "url", "The article's address", required: true, maxLength: 2000)),
        Command("subscribe", "Get an alert for each new article matching a query",
            Option(String, "query", "e.g. TikTok AND (ban OR prohibit*)", required: true, maxLength: 500),
            Choices(Option(String, "mode", "instant (default) or digest"), "instant", "digest")),
        Command("unsubscribe", "Remove one of your subscriptions", Option(String, "id", "The subscription id", required: true, maxLength: 20)),
        Command("subscriptions", "List your subscriptions"),
        Command("sources", "The news sources and their health",
            Sub("list", "List the sources"),
            Sub("add", "Add a source (admins)", Option(String, "url", "A feed or page address", required: true, maxLength: 2000),
                Option(String, "name", "A display name", maxLength: 100)),
            Sub("remove", "Remove a source (admins)", Option(String, "source", "The source", required: true, autocomplete: true)),
            Sub("check", "Poll a source now and report", Option(String, "source", "The source (all when empty)", autocomplete: true))),
        Command("schedule", "The scheduled brief of this channel (admins)",
            Sub("set", "Post a brief on a schedule", Option(String, "cron", "Cron expression, e.g. 0 8 * * 1-5", required: true, maxLength: 100),
                Option(String, "timezone", "IANA time zone, e.g. Europe/Brussels", maxLength: 64),
                Option(String, "topic", "Only this topic", autocomplete: true, maxLength: 200)),
            Sub("show", "Show the schedule"),
            Sub("clear", "Remove the schedule")),
        Command("help", "What NewsBrief can do"),
    ];

    private static JsonObject Command(string name, string description, params JsonObject[] options)
    {
        var command = new JsonObject { ["name"] = name, ["type"] = 1, ["description"] = description };
        if (options.Length > 0) command["options"] = new JsonArray(options.Select(o => (JsonNode)o).ToArray());
        return command;
    }

    private static JsonObject Sub(string name, string description, params JsonObject[] options)
    {
        var sub = Command(name, description, options);
        sub.Remove("type");
        sub["type"] = SubCommand;
        return sub;
    }

    private static JsonObject Option(int type, string name, string description, bool required = false, bool autocomplete = false, int? maxLength = null)
    {
        var option = new JsonObject { ["type"] = type, ["name"] = name, ["description"] = description, ["required"] = required };
        if (autocomplete) option["autocomplete"] = true;
        if (maxLength is { } max) option["max_length"] = max;
        return option;
    }

    private static JsonObject Choices(JsonObject option, params string[] values)
    {
        option["choices"] = new JsonArray(values.Select(v => (JsonNode)new JsonObject { ["name"] = v, ["value"] = v }).ToArray());
        return option;
    }
}
