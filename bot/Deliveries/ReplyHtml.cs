using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using NewsBrief.Bot.Chat;
using NewsBrief.Core.Chat;

namespace NewsBrief.Bot.Deliveries;

/// <summary>
/// A reply as HTML that renders in common mail clients: inline styles only, no external images, no scripts,
/// every text encoded, the citation marks [n] as links to their sources, only http(s) links. Pure.
/// </summary>
public static partial class ReplyHtml
{
    private const string Font = "font-family:Arial,Helvetica,sans-serif;";

    public static string Render(ChatReply reply, string title)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").Append(Encode(title)).Append("</title></head>");
        html.Append($"<body style=\"margin:0;padding:16px;background:#ffffff;color:#1a1a1a;{Font}\">");
        html.Append("<div style=\"max-width:640px;margin:0 auto;\">");
        html.Append($"<h1 style=\"{Font}font-size:20px;margin:0 0 8px 0;\">").Append(Encode(title)).Append("</h1>");
        if (reply.Text is { Length: > 0 } text) html.Append($"<p style=\"{Font}font-size:14px;color:#555555;margin:0 0 16px 0;\">").Append(Paragraphs(text, reply.Links)).Append("</p>");
        foreach (var section in reply.Embeds)
        {
            html.Append("<div style=\"border-left:3px solid #2b6cb0;padding:0 0 0 12px;margin:0 0 18px 0;\">");
            if (section.Title is { Length: > 0 } heading)
            {
                html.Append($"<h2 style=\"{Font}font-size:16px;margin:0 0 6px 0;\">");
                html.Append(Safe(section.Url) is { } url ? $"<a href=\"{Encode(url)}\" style=\"color:#1a1a1a;text-decoration:none;\">{Encode(heading)}</a>" : Encode(heading));
                html.Append("</h2>");
            }
            if (section.Description is { Length: > 0 } body) html.Append($"<p style=\"{Font}font-size:14px;line-height:1.5;margin:0 0 6px 0;\">").Append(Paragraphs(body, reply.Links)).Append("</p>");
            foreach (var field in section.Fields ?? []) html.Append($"<p style=\"{Font}font-size:13px;margin:0;\"><b>{Encode(field.Name)}:</b> {Encode(field.Value)}</p>");
            if (section.Footer is { Length: > 0 } footer) html.Append($"<p style=\"{Font}font-size:12px;color:#777777;margin:0;\">").Append(Encode(footer)).Append("</p>");
            html.Append("</div>");
        }
        if (reply.Links.Count > 0)
        {
            html.Append($"<h3 style=\"{Font}font-size:14px;margin:16px 0 6px 0;\">Sources</h3><ol style=\"{Font}font-size:13px;padding-left:20px;margin:0;\">");
            foreach (var link in reply.Links)
                html.Append("<li style=\"margin:0 0 4px 0;\">").Append(Safe(link.Url) is { } url ? $"<a href=\"{Encode(url)}\" style=\"color:#2b6cb0;\">{Encode(link.Title)}</a>" : Encode(link.Title)).Append("</li>");
            html.Append("</ol>");
        }
        html.Append($"<p style=\"{Font}font-size:11px;color:#999999;margin:24px 0 0 0;\">Sent by NewsBrief.</p></div></body></html>");
        return html.ToString();
    }

    /// <summary>The reply as plain text: the same content, the links listed with their addresses.</summary>
    public static string Text(ChatReply reply, string title) => title + "\n" + new string('=', Math.Min(title.Length, 72)) + "\n\n" + ConsoleReplyRenderer.Render(reply);

    private static string Paragraphs(string text, IReadOnlyList<ReplyLink> links)
    {
        var encoded = Encode(text).Replace("\n", "<br>");
        return CitationMark().Replace(encoded, m =>
        {
            var n = int.Parse(m.Groups[1].Value);
            return n >= 1 && n <= links.Count && Safe(links[n - 1].Url) is { } url
                ? $"<a href=\"{Encode(url)}\" style=\"color:#2b6cb0;text-decoration:none;\">[{n}]</a>"
                : m.Value;
        });
    }

    private static string? Safe(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.AbsoluteUri : null;

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    [GeneratedRegex(@"\[(\d{1,4})\]")]
    private static partial Regex CitationMark();
}
