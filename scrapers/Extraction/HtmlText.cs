using System.Net;
using System.Text.RegularExpressions;

namespace NewsBrief.Scrapers.Extraction;

/// <summary>Turns an HTML fragment (a feed description) into plain text.</summary>
public static partial class HtmlText
{
    public static string ToPlainText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html)) return "";
        var noScripts = ScriptOrStyle().Replace(html, " ");
        var blocks = BlockTag().Replace(noScripts, "\n");
        var text = WebUtility.HtmlDecode(AnyTag().Replace(blocks, " "));
        text = Spaces().Replace(text, " ");
        return BlankLines().Replace(text, "\n").Trim();
    }

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptOrStyle();
    [GeneratedRegex(@"<\s*(br|/p|/div|/li|/h[1-6])\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockTag();
    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex AnyTag();
    [GeneratedRegex(@"[ \t\u00A0]+")]
    private static partial Regex Spaces();
    [GeneratedRegex(@"\s*\n\s*")]
    private static partial Regex BlankLines();
}
