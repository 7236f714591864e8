using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NewsBrief.Bot.Chat;
using NewsBrief.Core.Chat;

namespace NewsBrief.Bot.Deliveries;

/// <summary>
/// A reply as Microsoft Teams messages for a Workflows webhook: each an Adaptive Card (version 1.4, which every
/// Teams client renders) with a title, a block per story (its headline linking to the first article, the text with
/// its citations as links, a subtle line with sources and times) and the numbered sources; a card stays under
/// <see cref="MaxBytes"/> (Teams refuses messages over 28 KB), further cards beyond. Pure.
/// </summary>
public static partial class TeamsCardRenderer
{
    /// <summary>Teams' limit is 28 KB for the whole message; the margin covers the envelope.</summary>
    public const int MaxBytes = 26_000;
    public const string CardVersion = "1.4";
    private const int TextMax = 8_000;

    /// <summary>The JSON bodies to post, in order.</summary>
    public static IReadOnlyList<JsonObject> Render(ChatReply reply, string title)
    {
        var elements = new List<JsonObject> { Text(Escape(title), size: "Large", bold: true) };
        if (reply.Text is { Length: > 0 } text) elements.Add(Text(Cite(Escape(text), reply.Links), subtle: true));
        foreach (var section in reply.Embeds)
        {
            if (section.Title is { Length: > 0 } heading)
                elements.Add(Text(Safe(section.Url) is { } url ? $"[{Escape(heading)}]({url})" : Escape(heading), size: "Medium", bold: true, separator: true));
            if (section.Description is { Length: > 0 } body)
                elements.AddRange(Pieces(Cite(Escape(body), reply.Links)).Select(p => Text(p)));
            foreach (var field in section.Fields ?? []) elements.Add(Text($"**{Escape(field.Name)}:** {Escape(field.Value)}"));
            if (section.Footer is { Length: > 0 } footer) elements.Add(Text(Escape(footer), subtle: true, small: true));
        }
        if (reply.Links.Count > 0)
        {
            elements.Add(Text("Sources", bold: true, separator: true));
            var lines = reply.Links.Select((l, i) => Safe(l.Url) is { } url ? $"{i + 1}. [{Escape(Short(l.Title, 200))}]({url})" : $"{i + 1}. {Escape(Short(l.Title, 200))}");
            elements.AddRange(Pieces(string.Join("\n\n", lines)).Select(p => Text(p, small: true)));
        }

        var cards = new List<List<JsonObject>> { new() };
        var size = Envelope([]).ToJsonString().Length;
        var bytes = size;
        foreach (var element in elements)
        {
            var length = Encoding.UTF8.GetByteCount(element.ToJsonString()) + 1;
            if (cards[^1].Count > 0 && bytes + length > MaxBytes)
            {
                cards.Add([Text(Escape(title) + " (continued)", bold: true)]);
                bytes = size + Encoding.UTF8.GetByteCount(cards[^1][0].ToJsonString());
            }
            cards[^1].Add(element);
            bytes += length;
        }
        return cards.Select(Envelope).ToList();
    }

    /// <summary>The message a Workflows "post to a channel when a webhook request is received" flow takes: one card attachment.</summary>
    public static JsonObject Envelope(IReadOnlyList<JsonObject> body) => new()
    {
        ["type"] = "message",
        ["attachments"] = new JsonArray(new JsonObject
        {
            ["contentType"] = "application/vnd.microsoft.card.adaptive",
            ["contentUrl"] = null,
            ["content"] = new JsonObject
            {
                ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
                ["type"] = "AdaptiveCard",
                ["version"] = CardVersion,
                ["msteams"] = new JsonObject { ["width"] = "Full" },
                ["body"] = new JsonArray(body.Select(b => (JsonNode)b.DeepClone()).ToArray()),
            },
        }),
    };

    private static JsonObject Text(string text, string? size = null, bool bold = false, bool subtle = false, bool small = false, bool separator = false)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (size is not null) block["size"] = size;
        else if (small) block["size"] = "Small";
        if (bold) block["weight"] = "Bolder";
        if (subtle) block["isSubtle"] = true;
        if (separator) { block["separator"] = true; block["spacing"] = "Medium"; }
        return block;
    }

    /// <summary>Adaptive Card markdown: backslash-escape the characters that would format or link.</summary>
    public static string Escape(string text) => MarkdownChars().Replace(text, m => "\\" + m.Value);

    private static string Cite(string text, IReadOnlyList<ReplyLink> links) => CitationMark().Replace(text, m =>
    {
        var n = int.Parse(m.Groups[1].Value);
        return n >= 1 && n <= links.Count && Safe(links[n - 1].Url) is { } url ? $"[\\[{n}\\]]({url})" : m.Value;
    });

    private static IEnumerable<string> Pieces(string text)
    {
        var rest = text;
        while (rest.Length > TextMax)
        {
            var cut = rest.LastIndexOf('\n', TextMax - 1);
            if (cut < TextMax / 2) cut = rest.LastIndexOf(' ', TextMax - 1);
            if (cut < TextMax / 2) cut = TextMax;
            if (char.IsLowSurrogate(rest[cut])) cut--;
            yield return rest[..cut].TrimEnd();
            rest = rest[cut..].TrimStart();
        }
        if (rest.Length > 0) yield return rest;
    }

    private static string Short(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";

    private static string? Safe(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.AbsoluteUri.Replace("(", "%28").Replace(")", "%29") : null;

    // Escaped citation marks "\[1\]" are what Escape makes of "[1]".
    [GeneratedRegex(@"\\\[(\d{1,4})\\\]")]
    private static partial Regex CitationMark();

    [GeneratedRegex(@"[\\`*_\[\]()#>~|]")]
    private static partial Regex MarkdownChars();
}
