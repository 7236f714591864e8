namespace NewsBrief.Scrapers.Dedup;

/// <summary>
/// A few English suffix rules (plurals, -ed, -ing, -ly) so that "bans", "banned" and "banning" meet "ban".
/// Deliberately lighter than Porter: over-stemming merges unrelated words, which hurts story precision.
/// </summary>
internal static class LightStemmer
{
    public static string Stem(string word)
    {
        if (word.Length <= 3 || !char.IsLetter(word[^1])) return word;
        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4) word = word[..^3] + "y";
        else if (word.EndsWith("sses", StringComparison.Ordinal)) word = word[..^2];
        else if (word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal)
            && !word.EndsWith("is", StringComparison.Ordinal)) word = word[..^1];
        if (word.EndsWith("ing", StringComparison.Ordinal) && word.Length > 5) word = Undouble(word[..^3]);
        else if (word.EndsWith("ed", StringComparison.Ordinal) && word.Length > 4 && !word.EndsWith("eed", StringComparison.Ordinal)) word = Undouble(word[..^2]);
        else if (word.EndsWith("ly", StringComparison.Ordinal) && word.Length > 5) word = word[..^2];
        // "vote", "votes", "voted" and "voting" all end as "vot".
        if (word.EndsWith('e') && word.Length > 4) word = word[..^1];
        return word;
    }

    // "bann" (from banned) -> "ban"; but keep "ll"/"ss"/"zz", which are usually part of the stem (killed, passed).
    private static string Undouble(string stem) =>
        stem.Length > 2 && stem[^1] == stem[^2] && stem[^1] is not ('l' or 's' or 'z') && !IsVowel(stem[^1]) ? stem[..^1] : stem;

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
