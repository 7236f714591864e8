using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsBrief.Scrapers.Parsing;

/// <summary>
/// Mends the faults that make real feeds ill-formed XML but that a browser reads past: bare
/// ampersands, HTML entities (&amp;nbsp; &amp;eacute;), control characters, stray "&lt;" in text.
/// CDATA sections and comments are left untouched.
/// </summary>
public static partial class XmlTextRepairer
{
    public static string Repair(string xml)
    {
        var cleaned = StripInvalidCharacters(xml);
        var output = new StringBuilder(cleaned.Length + 256);
        var last = 0;
        foreach (Match verbatim in VerbatimPattern().Matches(cleaned))
        {
            output.Append(RepairMarkup(cleaned[last..verbatim.Index]));
            output.Append(verbatim.Value);
            last = verbatim.Index + verbatim.Length;
        }
        output.Append(RepairMarkup(cleaned[last..]));
        return output.ToString();
    }

    private static string RepairMarkup(string text)
    {
        if (text.Length == 0) return text;
        text = StrayLessThanPattern().Replace(text, "&lt;");
        return EntityPattern().Replace(text, m =>
        {
            if (!m.Groups["ref"].Success) return "&amp;";
            var reference = m.Groups["ref"].Value;
            if (reference[0] == '#') return ValidCharacterReference(reference) ? m.Value : "";
            if (reference is "amp" or "lt" or "gt" or "quot" or "apos") return m.Value;
            var decoded = WebUtility.HtmlDecode(m.Value);
            if (decoded == m.Value) return "&amp;" + reference + ";";
            var numeric = new StringBuilder();
            foreach (var rune in decoded.EnumerateRunes()) numeric.Append("&#").Append(rune.Value.ToString(CultureInfo.InvariantCulture)).Append(';');
            return numeric.ToString();
        });
    }

    private static bool ValidCharacterReference(string reference)
    {
        var hex = reference.Length > 1 && reference[1] is 'x' or 'X';
        var digits = hex ? reference[2..] : reference[1..];
        if (!int.TryParse(digits, hex ? NumberStyles.HexNumber : NumberStyles.None, CultureInfo.InvariantCulture, out var code)) return false;
        return code is 0x9 or 0xA or 0xD or (>= 0x20 and <= 0xD7FF) or (>= 0xE000 and <= 0xFFFD) or (>= 0x10000 and <= 0x10FFFF);
    }

    private static string StripInvalidCharacters(string text)
    {
        StringBuilder? output = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var valid = c is '\t' or '\n' or '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                output?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }
            if (valid)
            {
                output?.Append(c);
                continue;
            }
            output ??= new StringBuilder(text.Length).Append(text, 0, i);
        }
        return output?.ToString() ?? text;
    }

    [GeneratedRegex(@"<!\[CDATA\[.*?(?:\]\]>|$)|<!--.*?(?:-->|$)", RegexOptions.Singleline)]
    private static partial Regex VerbatimPattern();

    [GeneratedRegex(@"&(?:(?<ref>#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,8}|[A-Za-z][A-Za-z0-9]{0,31});)?")]
    private static partial Regex EntityPattern();

    [GeneratedRegex(@"<(?=[\s\d=<])")]
    private static partial Regex StrayLessThanPattern();
}
