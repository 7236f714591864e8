using System.Text;

namespace NewsBrief.Scrapers.Dedup;

/// <summary>Normalises percent-encoding (RFC 3986 6.2.2): unreserved characters decoded, other escapes in upper-case hex.</summary>
internal static class PercentEncoding
{
    public static string Normalise(string part)
    {
        if (!part.Contains('%')) return part;
        var builder = new StringBuilder(part.Length);
        for (var i = 0; i < part.Length; i++)
        {
            if (part[i] == '%' && i + 2 < part.Length && Uri.IsHexDigit(part[i + 1]) && Uri.IsHexDigit(part[i + 2]))
            {
                var value = (char)Convert.ToInt32(part.Substring(i + 1, 2), 16);
                if (IsUnreserved(value)) builder.Append(value);
                else builder.Append('%').Append(char.ToUpperInvariant(part[i + 1])).Append(char.ToUpperInvariant(part[i + 2]));
                i += 2;
            }
            else builder.Append(part[i]);
        }
        return builder.ToString();
    }

    private static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~';
}
