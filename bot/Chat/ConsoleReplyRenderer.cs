using System.Text;
using NewsBrief.Core.Chat;

namespace NewsBrief.Bot.Chat;

/// <summary>Prints a chat reply on the console: text, sections, then the numbered links. Pure.</summary>
public static class ConsoleReplyRenderer
{
    public static string Render(ChatReply reply)
    {
        var text = new StringBuilder();
        if (reply.IsError) text.Append("error: ");
        if (reply.Text is { Length: > 0 }) text.AppendLine(reply.Text);
        foreach (var embed in reply.Embeds)
        {
            text.AppendLine();
            if (embed.Title is not null) text.AppendLine($"## {embed.Title}");
            if (embed.Description is not null) text.AppendLine(embed.Description);
            foreach (var field in embed.Fields ?? []) text.AppendLine($"{field.Name}: {field.Value}");
            if (embed.Footer is not null) text.AppendLine($"({embed.Footer})");
        }
        if (reply.Links.Count > 0) text.AppendLine();
        for (var i = 0; i < reply.Links.Count; i++) text.AppendLine($"[{i + 1}] {reply.Links[i].Title} <{reply.Links[i].Url}>");
        return text.ToString();
    }
}
