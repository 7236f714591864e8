namespace NewsBrief.Core.Query;

/// <summary>Turns a word or phrase token into a leaf, folding it the way documents are folded.</summary>
internal static class TermFactory
{
    public static TermNode FromWord(QueryToken token, QueryField field)
    {
        var raw = token.Text;
        var star = raw.IndexOf('*');
        if (star >= 0 && star != raw.Length - 1)
            throw new QueryParseException($"'*' is only allowed at the end of a word, as in prohibit*; found in '{raw}'", token.Start + star);
        if (star >= 0)
        {
            var stem = TermFolder.Words(raw[..star]);
            if (stem.Count > 1)
                throw new QueryParseException($"a wildcard must end a single word; '{raw}' has several", token.Start);
            if (stem.Count == 0 || stem[0].Length < 2)
                throw new QueryParseException($"a wildcard needs at least 2 letters before '*'; '{raw}' has fewer", token.Start);
            return new TermNode(TermKind.Prefix, [stem[0]], field, token.Start, token.End);
        }
        var words = TermFolder.Words(raw);
        if (words.Count == 0)
            throw new QueryParseException($"'{raw}' has no letters or digits to search for", token.Start);
        // "covid-19" or "U.S." are several words to the folder; they must appear together.
        return words.Count == 1
            ? new TermNode(TermKind.Word, [words[0]], field, token.Start, token.End)
            : new TermNode(TermKind.Phrase, [.. words], field, token.Start, token.End);
    }

    public static TermNode FromPhrase(QueryToken token, QueryField field)
    {
        var words = TermFolder.Words(token.Text);
        if (words.Count == 0)
            throw new QueryParseException("the quoted phrase has no words in it", token.Start);
        return words.Count == 1
            ? new TermNode(TermKind.Word, [words[0]], field, token.Start, token.End)
            : new TermNode(TermKind.Phrase, [.. words], field, token.Start, token.End);
    }
}
