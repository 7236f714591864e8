using System.Text.RegularExpressions;

namespace NewsBrief.Summariser.Events;

/// <summary>
/// The named people, bodies, countries and products of one sentence (runs of capitalised words, "Bank of
/// Canada", acronyms such as NASA or U.K.), and the place it names after "in", "at", "visit" or "travel to".
/// Sentence-initial function words, weekdays, months and honorifics are not names. Pure and linear.
/// </summary>
public static partial class NamedMentions
{
    /// <summary>The participants: every name in the sentence outside <paramref name="skip"/> (the date's span) and other than the place.</summary>
    public static IReadOnlyList<string> Participants(string sentence, string? place, (int Start, int Length) skip)
    {
        var names = new List<string>();
        foreach (var (name, start) in Names(sentence))
        {
            if (start >= skip.Start && start < skip.Start + skip.Length) continue;
            if (place is not null && (name == place || place.Contains(name, StringComparison.Ordinal))) continue;
            if (!names.Contains(name)) names.Add(name);
            if (names.Count == 6) break;
        }
        return names;
    }

    /// <summary>The place the sentence states for the event, if any.</summary>
    public static string? Place(string sentence)
    {
        foreach (Match m in PlaceLead().Matches(sentence))
        {
            var at = m.Index + m.Length;
            foreach (var (name, start) in Names(sentence))
                if (start == at) return name;
        }
        return null;
    }

    /// <summary>Each capitalised run with its offset.</summary>
    public static IEnumerable<(string Name, int Start)> Names(string sentence)
    {
        var tokens = Token().Matches(sentence);
        var i = 0;
        while (i < tokens.Count)
        {
            if (!IsNameWord(tokens[i].Value) || (i == 0 || AfterOpening(sentence, tokens[i].Index)) && IsOpener(tokens[i].Value, tokens, i))
            {
                i++;
                continue;
            }
            var first = i;
            var last = i;
            var j = i + 1;
            while (j < tokens.Count && Adjacent(sentence, tokens[j - 1], tokens[j]) && !EndsWithPossessive(tokens[j - 1].Value))
            {
                if (IsNameWord(tokens[j].Value)) { last = j; j++; continue; }
                if (Connectors.Contains(tokens[j].Value) && j + 1 < tokens.Count && IsNameWord(tokens[j + 1].Value)
                    && Adjacent(sentence, tokens[j], tokens[j + 1])) { j++; continue; }
                break;
            }
            while (first <= last && Honorifics.Contains(tokens[first].Value.TrimEnd('.'))) first++;
            if (first <= last)
            {
                var start = tokens[first].Index;
                var end = tokens[last].Index + tokens[last].Length;
                var name = StripPossessive(sentence[start..end]);
                if (name.Length > 1 && !NotNames.Contains(name)) yield return (name, start);
            }
            i = last + 1;
        }
    }

    private static bool IsNameWord(string token) =>
        token.Length > 0 && char.IsUpper(token[0]) && !NotNames.Contains(StripPossessive(token)) && token != "I";

    private static bool IsOpener(string token, MatchCollection tokens, int i) =>
        Openers.Contains(token) || token.EndsWith("ing", StringComparison.Ordinal) || token.EndsWith("ly", StringComparison.Ordinal)
        || (i + 1 < tokens.Count && char.IsLower(tokens[i + 1].Value[0]) && token.EndsWith("ed", StringComparison.Ordinal));

    private static bool AfterOpening(string sentence, int at) => at > 0 && sentence[..at].TrimEnd() is var b && b.Length > 0 && b[^1] is '"' or '“' or '(' or ':' or '-' or '—';

    // Two tokens belong to one name when only a space separates them (a comma or a quote ends the name).
    private static bool Adjacent(string sentence, Match a, Match b)
    {
        var gap = sentence.AsSpan(a.Index + a.Length, b.Index - a.Index - a.Length);
        return gap.Length == 1 && gap[0] == ' ';
    }

    private static bool EndsWithPossessive(string token) => token.EndsWith("’s", StringComparison.Ordinal) || token.EndsWith("'s", StringComparison.Ordinal);

    private static string StripPossessive(string name) => EndsWithPossessive(name) ? name[..^2] : name.TrimEnd('.', '’', '\'');

    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "of", "for", "de", "du", "von", "van", "al", "bin" };

    private static readonly HashSet<string> Honorifics = new(StringComparer.Ordinal)
    {
        "Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Lord", "Lady", "Prof", "Rev", "Sen", "Rep", "Gov", "Gen",
    };

    private static readonly HashSet<string> Openers = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "In", "On", "At", "By", "For", "From", "To", "With", "After", "Before", "But", "And", "Or", "So", "Yet",
        "When", "While", "If", "As", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "You", "Our", "Their",
        "His", "Her", "There", "Here", "Also", "Still", "Meanwhile", "However", "Then", "Now", "Once", "Since", "Until", "Under",
        "Over", "About", "Among", "During", "Despite", "Although", "Though", "Because", "Why", "What", "Who", "How", "Where",
        "Which", "Each", "Every", "All", "Some", "Many", "Most", "More", "One", "Two", "Three", "Another", "Other", "No", "Not",
        "Please", "Read", "Watch", "See", "Speaking", "Asked", "Shortly", "Later", "Earlier", "Instead", "Even", "Just", "Only",
        "Ready", "Be", "Yes", "Well", "Starting", "Kicking", "Taking", "Hundreds", "Thousands", "Officials", "Authorities",
    };

    // Capitalised words that are not names: calendar words, pronouns, sentence furniture.
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "I", "I’m", "I'm", "I’ll", "I'll", "CNN", "Reuters", "AP", "AFP", "PA", "Read More", "More", "Today", "Tomorrow", "Tonight",
    };

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}’'.&-]*[\p{L}\p{N}’'.]|[\p{L}\p{N}]")]
    private static partial Regex Token();

    [GeneratedRegex(@"\b(?:in|at|visits?|visiting|(?:travels?|travelling|traveling|flies|fly|heads?|goes|go|returns?|trip)(?:\s+on)?\s+to)\s+")]
    private static partial Regex PlaceLead();
}
