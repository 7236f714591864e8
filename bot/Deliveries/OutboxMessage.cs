using System.Globalization;
using System.Text.Json;
using NewsBrief.Bot.Chat;
using NewsBrief.Bot.Rendering;
using NewsBrief.Core.Domain;
using NewsBrief.Core.Chat;

namespace NewsBrief.Bot.Deliveries;

/// <summary>
/// What an outbox row says, read back from its one stored document: the brief document(s) of a scheduled
/// brief (the JSON <c>BriefStore</c> keeps), the alert document(s) of an alert or a digest, or, for any other
/// row (a notice) or a payload that is not such a document, its text. Every platform renderer starts here,
/// through <see cref="ToReply"/>, so a brief looks the same on every platform and in <c>/brief</c>.
/// </summary>
public sealed record OutboxMessage(string Kind, IReadOnlyList<BriefJsonRenderer.BriefDocument> Briefs, IReadOnlyList<AlertDocument> Alerts, string Text)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static OutboxMessage From(Delivery delivery)
    {
        try
        {
            using var doc = JsonDocument.Parse(delivery.Payload);
            var items = doc.RootElement.ValueKind == JsonValueKind.Array ? doc.RootElement.EnumerateArray().ToList() : [doc.RootElement];
            if (delivery.Kind == "brief" && items.All(i => i.ValueKind == JsonValueKind.Object && i.TryGetProperty("stories", out _)))
                return new OutboxMessage(delivery.Kind, items.Select(i => i.Deserialize<BriefJsonRenderer.BriefDocument>(Json)!).ToList(), [], delivery.Text);
            if (delivery.Kind is "alert" or "digest" && items.Count > 0 && items.All(i => i.ValueKind == JsonValueKind.Object && i.TryGetProperty("articles", out _)))
                return new OutboxMessage(delivery.Kind, [], items.Select(i => i.Deserialize<AlertDocument>(Json)!).ToList(), delivery.Text);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            // Not one of our documents (an older row, a hand-queued one): its text is the message.
        }
        return new OutboxMessage(delivery.Kind, [], [], delivery.Text);
    }

    public bool IsBrief => Briefs.Count > 0;
    public bool IsDigest => Kind == "digest" && Alerts.Count > 0;

    /// <summary>The message as a platform-neutral reply: the brief as <c>/brief</c> shows it, or an alert's stories with their links.</summary>
    public ChatReply ToReply()
    {
        if (IsBrief)
        {
            var replies = Briefs.Select(b => BriefReplies.From(b, ScopeOf(b))).ToList();
            return replies.Count == 1 ? replies[0] : new ChatReply
            {
                Text = string.Join("\n", replies.Select(r => r.Text)),
                Embeds = Renumber(replies, out var links),
                Links = links,
            };
        }
        if (Alerts.Count > 0) return AlertReply();
        return ChatReply.Plain(Text);
    }

    /// <summary>One line naming the message, for a subject or a notification preview: what it is, when, and its top story.</summary>
    public string Title()
    {
        if (IsBrief)
        {
            var brief = Briefs[0];
            var date = brief.Window.To.UtcDateTime.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);
            var top = Briefs.SelectMany(b => b.Stories).FirstOrDefault()?.Headline;
            return top is null ? $"NewsBrief {date}: no new stories" : $"NewsBrief {date}: {top}";
        }
        if (IsDigest) return $"Digest \"{Alerts[0].Name}\": {Alerts.Count} stor{(Alerts.Count == 1 ? "y" : "ies")}, top: {Alerts[0].Story}";
        if (Alerts.Count > 0) return $"Alert \"{Alerts[0].Name}\": {(Alerts[0].Update ? "update: " : "")}{Alerts[0].Story}";
        var first = Text.Split('\n', 2)[0].Trim();
        return first.Length <= 120 ? first : first[..119] + "…";
    }

    private ChatReply AlertReply()
    {
        var links = new List<ReplyLink>();
        var embeds = new List<ReplyEmbed>();
        foreach (var alert in Alerts)
        {
            var marks = new List<string>();
            foreach (var a in alert.Articles)
            {
                links.Add(new ReplyLink($"{a.Title} ({a.Source})", a.Url));
                marks.Add($"{a.Title} ({a.Source}) [{links.Count}]");
            }
            var outlets = alert.Articles.Select(a => a.Source).Distinct().ToList();
            var latest = alert.Articles.Max(a => a.Published).UtcDateTime.ToString("d MMM HH:mm 'UTC'", CultureInfo.InvariantCulture);
            embeds.Add(new ReplyEmbed((alert.Update ? "Update: " : "") + alert.Story, string.Join("\n", marks.Select(m => "• " + m)),
                alert.Articles.FirstOrDefault()?.Url, Footer: $"matched: {string.Join(", ", alert.Matched)} · {string.Join(", ", outlets)} · {latest}"));
        }
        var head = IsDigest
            ? $"Digest #{Alerts[0].Subscription} \"{Alerts[0].Name}\": {Alerts.Count} stor{(Alerts.Count == 1 ? "y" : "ies")}"
            : $"Alert #{Alerts[0].Subscription} \"{Alerts[0].Name}\"";
        return new ChatReply { Text = head, Embeds = embeds, Links = links };
    }

    /// <summary>A brief of several topics in one message: the links numbered across all of them.</summary>
    private static List<ReplyEmbed> Renumber(IReadOnlyList<ChatReply> replies, out List<ReplyLink> links)
    {
        links = [];
        var embeds = new List<ReplyEmbed>();
        foreach (var reply in replies)
        {
            var offset = links.Count;
            links.AddRange(reply.Links);
            embeds.AddRange(reply.Embeds.Select(e => e with { Description = Shift(e.Description, offset) }));
        }
        return embeds;
    }

    private static string? Shift(string? text, int offset) => offset == 0 || text is null
        ? text
        : System.Text.RegularExpressions.Regex.Replace(text, @"\[(\d+)\]", m => $"[{int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + offset}]");

    /// <summary>The scope a brief document covers, named as <c>/brief</c> names it.</summary>
    private static string ScopeOf(BriefJsonRenderer.BriefDocument brief)
    {
        var topics = brief.Stories.Select(s => s.Topic).Distinct().ToList();
        return topics.Count == 1 && brief.Stories.Count > 1 ? $"on {topics[0]}" : "of all topics";
    }
}
