namespace NewsBrief.Core.Query;

/// <summary>
/// Finds "and", "or" and "not" written in lowercase (or mixed case) between two terms, where the writer most likely
/// meant the operator: only uppercase AND, OR, NOT are operators, so <c>tiktok or douyin</c> needs all three words.
/// Used for the hint of a parse error and the note of <c>subscriptions explain</c>. One pass over the text, quotes skipped.
/// </summary>
public static class LowercaseOperators
{
    /// <summary>A word that looks like an operator, as written, and its 0-based offset.</summary>
    public readonly record struct Found(string Word, int Start)
    {
        /// <summary>The operator it probably meant: OR, AND or NOT.</summary>
        public string Operator => Word.ToUpperInvariant();
    }

    /// <summary>Each lowercase or mixed-case and/or/not that has a word before and after it, in order.</summary>
    public static IReadOnlyList<Found> In(string text)
    {
        var found = new List<Found>();
        var words = 0;
        Found? pending = null;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || c is '(' or ')') { i++; continue; }
            if (c == '"')
            {
                var close = text.IndexOf('"', i + 1);
                i = close < 0 ? text.Length : close + 1;
                Term();
                continue;
            }
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')' or '"')) i++;
            var word = text[start..i];
            if (IsLookAlike(word) && words > 0 && pending is null) pending = new Found(word, start);
            else Term();
        }
        return found;

        // A term after a look-alike makes it one "between terms".
        void Term()
        {
            if (pending is { } p) found.Add(p);
            pending = null;
            words++;
        }
    }

    /// <summary>
    /// The hint for a query, e.g. <c>'or' at position 8 is a word to look for, not an operator (operators are uppercase): did you mean OR?</c>;
    /// null when there is no look-alike.
    /// </summary>
    public static string? Hint(string text)
    {
        var found = In(text);
        if (found.Count == 0) return null;
        var first = found[0];
        var more = found.Count > 1 ? $" (and {found.Count - 1} more)" : "";
        return $"'{first.Word}' at position {first.Start + 1}{more} is a word to look for, not an operator (operators are uppercase): did you mean {first.Operator}?";
    }

    private static bool IsLookAlike(string word) =>
        word.Length is 2 or 3 && word is not ("AND" or "OR" or "NOT")
        && (word.Equals("and", StringComparison.OrdinalIgnoreCase) || word.Equals("or", StringComparison.OrdinalIgnoreCase) || word.Equals("not", StringComparison.OrdinalIgnoreCase));
}
