namespace NewsBrief.Scrapers.Parsing;

/// <summary>
/// A cheap look for the commonest fault of real feeds, an HTML entity or a bare ampersand in XML
/// (<c>&amp;nbsp;</c>, <c>AT&amp;T</c>), so such a document goes to the lenient reader at once instead of
/// being read strictly up to the fault, which then throws and formats an exception.
/// </summary>
internal static class EntityScan
{
    private static readonly string[] XmlEntities = ["amp;", "lt;", "gt;", "quot;", "apos;"];

    /// <summary>
    /// True only when the strict reader is sure to fail: an <c>&amp;</c> outside CDATA, comments and processing
    /// instructions that starts no predefined entity or character reference. A document type declaration
    /// with an internal subset (which may declare entities) makes the answer false.
    /// </summary>
    public static bool HasUndeclaredEntity(string xml)
    {
        var i = 0;
        while (i < xml.Length)
        {
            var next = xml.IndexOfAny(['&', '<'], i);
            if (next < 0) return false;
            if (xml[next] == '&')
            {
                if (!StartsReference(xml, next + 1)) return true;
                i = next + 1;
                continue;
            }
            i = SkipMarkupDeclaration(xml, next);
            if (i < 0) return false;
        }
        return false;
    }

    private static bool StartsReference(string xml, int at)
    {
        if (at < xml.Length && xml[at] == '#') return true; // character references are left to the strict reader
        foreach (var entity in XmlEntities)
        {
            if (string.CompareOrdinal(xml, at, entity, 0, entity.Length) == 0) return true;
        }
        return false;
    }

    /// <summary>The position after a CDATA section, comment or processing instruction at <paramref name="at"/>, after the "&lt;" otherwise; -1 to give up.</summary>
    private static int SkipMarkupDeclaration(string xml, int at)
    {
        if (Starts(xml, at, "<![CDATA[")) return After(xml, at + 9, "]]>");
        if (Starts(xml, at, "<!--")) return After(xml, at + 4, "-->");
        if (Starts(xml, at, "<?")) return After(xml, at + 2, "?>");
        if (Starts(xml, at, "<!"))
        {
            var close = xml.IndexOf('>', at);
            var bracket = xml.IndexOf('[', at);
            if (close < 0 || (bracket >= 0 && bracket < close)) return -1;
            return close + 1;
        }
        return at + 1;
    }

    private static bool Starts(string xml, int at, string value) => string.CompareOrdinal(xml, at, value, 0, value.Length) == 0;

    private static int After(string xml, int from, string end)
    {
        var close = xml.IndexOf(end, from, StringComparison.Ordinal);
        return close < 0 ? -1 : close + end.Length;
    }
}
