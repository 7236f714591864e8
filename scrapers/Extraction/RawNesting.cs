namespace NewsBrief.Scrapers.Extraction;

/// <summary>
/// Estimates tag nesting from the raw markup before parsing: the HTML parser slows down quadratically
/// on tens of thousands of nested elements, so such a page is refused before it is parsed.
/// </summary>
internal static class RawNesting
{
    // Void elements never nest; these close themselves implicitly, so unclosed ones must not count.
    private static readonly HashSet<string> NotCounted = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param",
        "p", "li", "dt", "dd", "option", "tr", "td", "th", "tbody", "thead", "rt", "rp", "html", "head", "body",
    };

    public static bool Exceeds(string html, int limit)
    {
        var depth = 0;
        for (var i = 0; i < html.Length - 1; i++)
        {
            if (html[i] != '<') continue;
            var closing = html[i + 1] == '/';
            var start = closing ? i + 2 : i + 1;
            var end = start;
            while (end < html.Length && char.IsAsciiLetterOrDigit(html[end])) end++;
            if (end == start || !char.IsAsciiLetter(html[start])) continue;
            var name = html.AsSpan(start, end - start);
            if (NotCounted.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name)) continue;
            if (closing) depth = Math.Max(0, depth - 1);
            else if (++depth > limit) return true;
            i = end - 1;
        }
        return false;
    }
}
