namespace NewsBrief.Core.Text;

/// <summary>
/// A count with its noun in the right number, for every line a user reads: "1 article", "2 stories", "0 sources"
/// (never "article(s)" or "story(ies)").
/// </summary>
public static class Counted
{
    /// <summary><paramref name="count"/> and the noun, plural unless the count is exactly one.</summary>
    /// <param name="plural">The plural when it is not the regular one (<see cref="Plural"/>).</param>
    public static string Of(long count, string singular, string? plural = null) =>
        $"{count.ToString(System.Globalization.CultureInfo.InvariantCulture)} {Noun(count, singular, plural)}";

    /// <summary>The noun alone, in the number <paramref name="count"/> asks for.</summary>
    public static string Noun(long count, string singular, string? plural = null) =>
        count == 1 ? singular : plural ?? Plural(singular);

    /// <summary>
    /// The regular English plural of a noun: "story" → "stories", "match" → "matches", "article" → "articles".
    /// Irregular nouns are passed their plural.
    /// </summary>
    public static string Plural(string singular)
    {
        if (singular.Length > 1 && singular[^1] == 'y' && !IsVowel(singular[^2])) return singular[..^1] + "ies";
        if (singular.EndsWith('s') || singular.EndsWith('x') || singular.EndsWith("ch", StringComparison.Ordinal) || singular.EndsWith("sh", StringComparison.Ordinal))
            return singular + "es";
        return singular + "s";
    }

    private static bool IsVowel(char c) => "aeiouAEIOU".Contains(c);
}
