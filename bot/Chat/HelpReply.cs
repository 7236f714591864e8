using NewsBrief.Core.Chat;
namespace NewsBrief.Bot.Chat;

/// <summary>The /help answer: what each command does.</summary>
public static class HelpReply
{
    public static ChatReply Text(IEnumerable<string> extra)
    {
        var lines = new List<string>
        {
            "/brief [topic] [since]: a cited brief of the recent stories, on one topic or query (e.g. since 48h)",
            "/summary url: a short summary of one article",
            "/sources list | check [source] | add url | remove source: the sources and their health (add and remove need admin rights)",
        };
        var more = extra.ToHashSet(StringComparer.Ordinal);
        if (more.Contains("subscribe")) lines.Add("/subscribe query [mode]: an alert for each new article matching a query, e.g. TikTok AND (ban OR prohibit*)");
        if (more.Contains("unsubscribe")) lines.Add("/unsubscribe id, /subscriptions: manage your alerts");
        if (more.Contains("schedule")) lines.Add("/schedule set cron [timezone] [topic] | show | clear: this channel's scheduled brief (admins)");
        lines.Add("Queries: words, \"phrases\", prefix*, AND, OR, NOT or -word, parentheses, title: and source: fields.");
        return new ChatReply { Embeds = [new ReplyEmbed("NewsBrief", string.Join("\n", lines))], Ephemeral = true };
    }
}
