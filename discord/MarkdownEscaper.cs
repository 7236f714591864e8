using System.Text;

namespace NewsBrief.Discord;

/// <summary>
/// Escapes Discord markdown in text we did not write (article titles, summaries, user input), so it shows as
/// typed: a backslash before \ * _ ~ ` | &gt; # [ ] ( ) and before a '-' that starts a line.
/// </summary>
public static class MarkdownEscaper
{
    private const string Special = "\\*_~`|>#[]()";

    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length + 16);
        var lineStart = true;
        foreach (var c in text)
        {
            if (Special.Contains(c) || (c == '-' && lineStart)) sb.Append('\\');
            sb.Append(c);
            if (c == '\n') lineStart = true;
            else if (!char.IsWhiteSpace(c)) lineStart = false;
        }
        return sb.ToString();
    }

    /// <summary>A masked link [label](url) whose label is escaped and whose url cannot break out of the parentheses.</summary>
    public static string Link(string label, string url) =>
        $"[{Escape(label)}](<{url.Replace(">", "%3E").Replace(")", "%29").Replace(" ", "%20")}>)";
}
