using System.Globalization;
using System.Text;

namespace NewsBrief.Core.Query;

/// <summary>
/// Splits text into the words the query language compares: runs of letters and digits,
/// accents removed (Unicode FormD minus non-spacing marks), lowercased with the invariant culture.
/// Queries and documents both go through here, so "Café" in a query and "cafe" in an article meet.
/// </summary>
public static class TermFolder
{
    /// <summary>The folded words of <paramref name="text"/>, in order (duplicates kept, for phrases).</summary>
    public static List<string> Words(string text)
    {
        if (string.IsNullOrEmpty(text)) return [];
        // ASCII text is by far the common case: it needs no normalisation, and its words are slices of it.
        if (IsAscii(text)) return AsciiWords(text);
        var words = new List<string>();
        var source = Normalise(text);
        var current = new StringBuilder(16);
        foreach (var c in source)
        {
            if (c < 128)
            {
                if (c is >= 'a' and <= 'z' or >= '0' and <= '9') current.Append(c);
                else if (c is >= 'A' and <= 'Z') current.Append((char)(c + 32));
                else Flush(current, words);
                continue;
            }
            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.NonSpacingMark:
                    break; // a stripped accent does not split "cafe" into two words
                case UnicodeCategory.DecimalDigitNumber:
                case UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                    or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter:
                    AppendFolded(current, c);
                    break;
                default:
                    Flush(current, words);
                    break;
            }
        }
        Flush(current, words);
        return words;
    }

    private static List<string> AsciiWords(string text)
    {
        var words = new List<string>(text.Length / 6 + 1);
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !IsAsciiWordChar(text[i])) i++;
            var start = i;
            var upper = false;
            for (; i < text.Length && IsAsciiWordChar(text[i]); i++) upper |= text[i] is >= 'A' and <= 'Z';
            if (i == start) break;
            words.Add(upper ? string.Create(i - start, (text, start), static (span, state) =>
            {
                for (var k = 0; k < span.Length; k++)
                {
                    var c = state.text[state.start + k];
                    span[k] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
                }
            }) : text.Substring(start, i - start));
        }
        return words;
    }

    private static bool IsAsciiWordChar(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9';

    private static void AppendFolded(StringBuilder current, char c)
    {
        // Letters that FormD does not decompose but readers treat as their plain form.
        switch (c)
        {
            case 'ß': current.Append("ss"); return;
            case 'ł' or 'Ł': current.Append('l'); return;
            case 'ø' or 'Ø': current.Append('o'); return;
            case 'đ' or 'Đ': current.Append('d'); return;
            case 'æ' or 'Æ': current.Append("ae"); return;
            case 'œ' or 'Œ': current.Append("oe"); return;
            case 'ı': current.Append('i'); return;
            default: current.Append(char.ToLowerInvariant(c)); return;
        }
    }

    private static string Normalise(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormD);
        }
        catch (ArgumentException)
        {
            // Lone surrogates cannot be normalised; they are not letters, so dropping nothing is safe.
            return text;
        }
    }

    private static bool IsAscii(string text) => System.Text.Ascii.IsValid(text);

    private static void Flush(StringBuilder current, List<string> words)
    {
        if (current.Length == 0) return;
        words.Add(current.ToString());
        current.Clear();
    }
}
