using System.Text.RegularExpressions;

namespace NewsBrief.Summariser.Grounding;

/// <summary>
/// The checkable facts of a sentence: numbers (amounts, percentages, years; "1,200" and "1200" are the same) and
/// capitalised names that are not just the sentence's first word.
/// </summary>
public static partial class KeyFacts
{
    private static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "The", "A", "An", "In", "On", "At", "It", "Its", "This", "That", "These", "Those", "He", "She", "They", "We",
        "I", "But", "And", "Or", "If", "As", "For", "By", "With", "From", "After", "Before", "Meanwhile", "However",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Mr", "Mrs", "Ms", "Dr",
    };

    /// <summary>Numbers normalised: separators removed, trailing zeros of a decimal kept as written.</summary>
    public static IReadOnlyList<string> Numbers(string text) =>
        NumberPattern().Matches(text).Select(m => Normalise(m.Value)).Where(n => n.Length > 0).Distinct().ToList();

    /// <summary>Runs of capitalised words ("European Commission", "TikTok"), skipping a sentence-initial common word.</summary>
    public static IReadOnlyList<string> Names(string sentence)
    {
        var names = new List<string>();
        foreach (Match m in NamePattern().Matches(sentence))
        {
            var words = m.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !NotNames.Contains(w)).ToList();
            if (m.Index == 0 && words.Count > 0 && m.Value.Split(' ').Length == 1) continue; // a lone first word is just capitalised
            if (words.Count > 0) names.Add(string.Join(' ', words));
        }
        return names.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>True when every word of <paramref name="name"/> occurs as a whole word in <paramref name="text"/>.</summary>
    public static bool NameOccursIn(string name, string text) => NameOccursIn(name, WordsOf(text));

    /// <summary>As above against <see cref="WordsOf"/> of the text, so one text serves many names cheaply.</summary>
    public static bool NameOccursIn(string name, IReadOnlySet<string> words) =>
        name.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(words.Contains);

    /// <summary>The words of a text, case-insensitive; "Meta's" and "Jean-Luc" also count as "Meta", "Jean" and "Luc".</summary>
    public static IReadOnlySet<string> WordsOf(string text)
    {
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match m in WordPattern().Matches(text))
        {
            words.Add(m.Value);
            if (m.Value.IndexOfAny(['\'', '-', '&']) >= 0)
                foreach (var part in m.Value.Split(['\'', '-', '&'], StringSplitOptions.RemoveEmptyEntries)) words.Add(part);
        }
        return words;
    }

    private static string Normalise(string number)
    {
        var n = number.Replace(",", "").Replace("\u00a0", "").TrimEnd('.');
        return n.Contains('.') ? n.TrimEnd('0').TrimEnd('.') : n;
    }

    [GeneratedRegex(@"[\p{L}\p{Nd}'&-]+")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"\d[\d,\u00a0]*(?:\.\d+)?")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"\b\p{Lu}[\p{L}\p{Nd}'&-]*(?: \p{Lu}[\p{L}\p{Nd}'&-]*)*")]
    private static partial Regex NamePattern();
}
