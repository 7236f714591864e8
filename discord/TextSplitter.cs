namespace NewsBrief.Discord;

/// <summary>
/// Cuts text into pieces of at most a given length, at the latest paragraph break, else line break, else
/// sentence end, else space; a hard cut only for a single word longer than the limit.
/// </summary>
public static class TextSplitter
{
    public static IReadOnlyList<string> Split(string text, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 2);
        var pieces = new List<string>();
        var rest = text.Trim();
        while (rest.Length > max)
        {
            var cut = CutPoint(rest, max);
            var piece = rest[..cut].TrimEnd();
            if (piece.Length > 0) pieces.Add(piece);
            rest = rest[cut..].TrimStart();
        }
        if (rest.Length > 0) pieces.Add(rest);
        return pieces;
    }

    private static int CutPoint(string text, int max)
    {
        var window = text[..(max + 1)];
        var paragraph = window.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (paragraph > 0) return paragraph;
        var line = window.LastIndexOf('\n');
        if (line > 0) return line;
        var sentence = LastSentenceEnd(window);
        if (sentence > 0) return sentence;
        var space = window.LastIndexOf(' ');
        if (space > 0) return space;
        // never cut between an escaping backslash and its character, or inside a surrogate pair
        var hard = max;
        if (char.IsLowSurrogate(text[hard])) hard--;
        while (hard > 1 && text[hard - 1] == '\\') hard--;
        return hard;
    }

    private static int LastSentenceEnd(string window)
    {
        for (var i = window.Length - 2; i > 0; i--)
            if (window[i] is '.' or '!' or '?' && char.IsWhiteSpace(window[i + 1]))
                return i + 1;
        return -1;
    }
}
