using NewsBrief.Core.Chat;

namespace NewsBrief.Discord;

/// <summary>
/// Turns a <see cref="ChatReply"/> into Discord messages within every limit (content 2000; embed title 256,
/// description 4096, 25 fields of 256/1024, footer 2048; 10 embeds and 6000 characters per message), escaping
/// markdown, splitting long text at paragraph/line/sentence boundaries and numbering the source links. Pure.
/// </summary>
public static class DiscordReplyRenderer
{
    public const int ContentMax = 2000, TitleMax = 256, DescriptionMax = 4096, FieldsMax = 25, FieldNameMax = 256,
        FieldValueMax = 1024, FooterMax = 2048, EmbedsPerMessage = 10, CharsPerMessage = 6000;
    private const int ErrorColor = 0xD9534F;

    public static IReadOnlyList<DiscordMessagePayload> Render(ChatReply reply, bool ephemeral)
    {
        var embeds = reply.Embeds.SelectMany(Section).ToList();
        embeds.AddRange(Sources(reply.Links));
        var texts = TextSplitter.Split(MarkdownEscaper.Escape(reply.Text), ContentMax);
        if (texts.Count == 0 && embeds.Count == 0) texts = ["(nothing to show)"];
        if (reply.IsError) embeds = embeds.Select(e => e with { Color = ErrorColor }).ToList();

        var messages = texts.Select(t => new Draft(t)).ToList();
        if (messages.Count == 0) messages.Add(new Draft(null));
        foreach (var embed in embeds)
        {
            var last = messages[^1];
            if (last.Embeds.Count >= EmbedsPerMessage || last.Length + embed.CountedLength > CharsPerMessage)
                messages.Add(last = new Draft(null));
            last.Embeds.Add(embed);
            last.Length += embed.CountedLength;
        }
        int? flags = ephemeral ? DiscordMessagePayload.EphemeralFlag : null;
        return messages.Select(m => new DiscordMessagePayload
        {
            Content = m.Content,
            Embeds = m.Embeds.Count == 0 ? null : m.Embeds,
            Flags = flags,
        }).ToList();
    }

    private sealed class Draft(string? content)
    {
        public string? Content { get; } = content;
        public List<DiscordEmbed> Embeds { get; } = [];
        public int Length { get; set; }
    }

    private static IEnumerable<DiscordEmbed> Section(ReplyEmbed section)
    {
        var title = Truncate(MarkdownEscaper.Escape(section.Title), TitleMax);
        var parts = TextSplitter.Split(MarkdownEscaper.Escape(section.Description), DescriptionMax).ToList();
        if (parts.Count == 0) parts.Add("");
        var built = parts.Select((text, i) => new DiscordEmbed
        {
            Title = i == 0 && title.Length > 0 ? title : null,
            Url = i == 0 ? section.Url : null,
            Description = text.Length > 0 ? text : null,
        }).ToList();

        foreach (var field in section.Fields ?? [])
        {
            var f = new DiscordEmbedField(
                OrDash(Truncate(MarkdownEscaper.Escape(field.Name), FieldNameMax)),
                OrDash(Truncate(MarkdownEscaper.Escape(field.Value), FieldValueMax)), field.Inline);
            var last = built[^1];
            var count = last.Fields?.Count ?? 0;
            if (count >= FieldsMax || last.CountedLength + f.Name.Length + f.Value.Length > CharsPerMessage)
                built.Add(last = new DiscordEmbed());
            built[^1] = last with { Fields = [.. last.Fields ?? [], f] };
        }
        if (section.Footer is { Length: > 0 } footer)
        {
            var last = built[^1];
            var room = Math.Min(FooterMax, CharsPerMessage - last.CountedLength);
            if (room < 20) built.Add(last = new DiscordEmbed());
            built[^1] = last with { Footer = new DiscordEmbedFooter(Truncate(MarkdownEscaper.Escape(footer), Math.Min(FooterMax, CharsPerMessage - last.CountedLength))) };
        }
        return built.Where(e => e.CountedLength > 0 || e.Url is not null);
    }

    private static IEnumerable<DiscordEmbed> Sources(IReadOnlyList<ReplyLink> links)
    {
        if (links.Count == 0) return [];
        var lines = links.Select((l, i) => $"\\[{i + 1}\\] {MarkdownEscaper.Link(Truncate(l.Title, 200), l.Url)}");
        return TextSplitter.Split(string.Join('\n', lines), DescriptionMax)
            .Select((text, i) => new DiscordEmbed { Title = i == 0 ? "Sources" : null, Description = text });
    }

    /// <summary>Shortens to at most max characters, ending with an ellipsis, never splitting an escape or a surrogate pair.</summary>
    public static string Truncate(string text, int max)
    {
        text = text.Trim();
        if (text.Length <= max) return text;
        var cut = max - 1;
        if (char.IsLowSurrogate(text[cut])) cut--;
        while (cut > 0 && text[cut - 1] == '\\') cut--;
        return text[..cut].TrimEnd() + "…";
    }

    private static string OrDash(string text) => text.Length == 0 ? "-" : text;
}
