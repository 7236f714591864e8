using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NewsBrief.Bot.Chat;
using NewsBrief.Core.Chat;

namespace NewsBrief.Bot.Deliveries;

/// <summary>
/// A reply as Slack Block Kit messages: a header, one section per story (mrkdwn, escaped, at most 3,000
/// characters, longer text in further sections), its citations as links, a context line with sources and times,
/// the numbered sources; at most 50 blocks per message, further messages beyond. Pure.
/// </summary>
public static partial class SlackMessageRenderer
{
    public const int BlocksPerMessage = 50, SectionMax = 3000, HeaderMax = 150, ContextMax = 3000, FallbackTextMax = 3000;

    /// <summary>The JSON bodies to post, in order; each has a plain <c>text</c> for notifications.</summary>
    public static IReadOnlyList<JsonObject> Render(ChatReply reply, string title)
    {
        var blocks = new List<JsonObject> { Header(title) };
        if (reply.Text is { Length: > 0 } text) blocks.AddRange(Sections(Escape(text), reply.Links));
        foreach (var section in reply.Embeds)
        {
            var head = section.Title is { Length: > 0 } t
                ? Safe(section.Url) is { } url ? $"*<{url}|{Escape(Short(t, 300))}>*" : $"*{Escape(Short(t, 300))}*"
                : null;
            var body = section.Description is { Length: > 0 } d ? Escape(d) : "";
            foreach (var field in section.Fields ?? []) body += $"\n*{Escape(field.Name)}:* {Escape(field.Value)}";
            blocks.AddRange(Sections(head is null ? body : body.Length == 0 ? head : head + "\n" + body, reply.Links));
            if (section.Footer is { Length: > 0 } footer)
                blocks.Add(new JsonObject { ["type"] = "context", ["elements"] = new JsonArray(Mrkdwn(Short(Escape(footer), ContextMax))) });
        }
        if (reply.Links.Count > 0)
        {
            blocks.Add(new JsonObject { ["type"] = "divider" });
            var lines = reply.Links.Select((l, i) => Safe(l.Url) is { } url ? $"[{i + 1}] <{url}|{Escape(Short(l.Title, 200))}>" : $"[{i + 1}] {Escape(Short(l.Title, 200))}");
            blocks.AddRange(Split(string.Join("\n", lines)).Select(Section));
        }
        var messages = new List<JsonObject>();
        for (var i = 0; i < blocks.Count; i += BlocksPerMessage)
        {
            var part = blocks.Skip(i).Take(BlocksPerMessage).Select(b => (JsonNode)b).ToArray();
            var fallback = messages.Count == 0 ? title : $"{title} (continued)";
            messages.Add(new JsonObject { ["text"] = Short(fallback, FallbackTextMax), ["blocks"] = new JsonArray(part), ["unfurl_links"] = false, ["unfurl_media"] = false });
        }
        return messages;
    }

    /// <summary>Slack's mrkdwn escaping: only &amp;, &lt; and &gt; are control characters.</summary>
    public static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    private static JsonObject Header(string title) => new()
    {
        ["type"] = "header",
        ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = Short(title, HeaderMax), ["emoji"] = false },
    };

    private static IEnumerable<JsonObject> Sections(string mrkdwn, IReadOnlyList<ReplyLink> links) =>
        Split(Cite(mrkdwn, links)).Select(Section);

    private static JsonObject Section(string mrkdwn) => new() { ["type"] = "section", ["text"] = Mrkdwn(mrkdwn) };

    private static JsonObject Mrkdwn(string text) => new() { ["type"] = "mrkdwn", ["text"] = text, ["verbatim"] = true };

    /// <summary>The citation marks [n] as links to their sources.</summary>
    private static string Cite(string text, IReadOnlyList<ReplyLink> links) => CitationMark().Replace(text, m =>
    {
        var n = int.Parse(m.Groups[1].Value);
        return n >= 1 && n <= links.Count && Safe(links[n - 1].Url) is { } url ? $"<{url}|[{n}]>" : m.Value;
    });

    /// <summary>Pieces of at most <see cref="SectionMax"/> characters, cut at a line, else a space, never inside a link or an escape.</summary>
    private static IEnumerable<string> Split(string text)
    {
        var rest = text;
        while (rest.Length > SectionMax)
        {
            var cut = rest.LastIndexOf('\n', SectionMax - 1);
            if (cut < SectionMax / 2) cut = rest.LastIndexOf(' ', SectionMax - 1);
            if (cut < SectionMax / 2) cut = SectionMax;
            // Never cut inside <url|label> or &amp;.
            var open = rest.LastIndexOf('<', cut - 1);
            if (open >= 0 && rest.IndexOf('>', open) >= cut && open > 0) cut = open;
            var amp = rest.LastIndexOf('&', cut - 1);
            if (amp >= 0 && amp > cut - 6 && rest.IndexOf(';', amp) >= cut && amp > 0) cut = amp;
            if (char.IsLowSurrogate(rest[cut])) cut--;
            yield return rest[..cut].TrimEnd();
            rest = rest[cut..].TrimStart();
        }
        if (rest.Length > 0) yield return rest;
    }

    private static string Short(string text, int max)
    {
        text = text.Trim();
        if (text.Length <= max) return text;
        var cut = max - 1;
        if (char.IsLowSurrogate(text[cut])) cut--;
        var amp = text.LastIndexOf('&', cut - 1);
        if (amp >= 0 && amp > cut - 6 && text.IndexOf(';', amp) >= cut) cut = amp;
        return text[..cut].TrimEnd() + "…";
    }

    private static string? Safe(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.AbsoluteUri.Replace("|", "%7C").Replace(">", "%3E").Replace("<", "%3C") : null;

    [GeneratedRegex(@"\[(\d{1,4})\]")]
    private static partial Regex CitationMark();
}
