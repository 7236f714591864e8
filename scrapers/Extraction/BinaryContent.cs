namespace NewsBrief.Scrapers.Extraction;

/// <summary>Tells a binary file served as a page (an image, a PDF, a zip) from text, so it is not "extracted" as gibberish.</summary>
internal static class BinaryContent
{
    private const int Sample = 4096;

    public static bool Looks(string content)
    {
        var length = Math.Min(content.Length, Sample);
        if (length == 0) return false;
        var suspicious = 0;
        for (var i = 0; i < length; i++)
        {
            var c = content[i];
            if ((char.IsControl(c) && c is not '\n' and not '\r' and not '\t' and not '\f') || c == '\uFFFD') suspicious++;
        }
        // Real pages have next to none; random bytes decoded as Latin-1 have about a quarter.
        return suspicious * 20 > length;
    }
}
