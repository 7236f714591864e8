namespace NewsBrief.Summariser.Extractive;

/// <summary>
/// The Porter stemmer in NLTK's default mode (<c>NLTK_EXTENSIONS</c>), the one the <c>rouge-score</c>
/// package uses: ROUGE figures only compare with published ones when stems agree word for word.
/// </summary>
public static class PorterStemmer
{
    // NLTK maps these irregular forms before running the steps.
    private static readonly Dictionary<string, string> Irregular = new(StringComparer.Ordinal)
    {
        ["sky"] = "sky", ["skies"] = "sky", ["dying"] = "die", ["lying"] = "lie", ["tying"] = "tie",
        ["news"] = "news", ["innings"] = "inning", ["inning"] = "inning", ["outings"] = "outing",
        ["outing"] = "outing", ["cannings"] = "canning", ["canning"] = "canning", ["howe"] = "howe",
        ["proceed"] = "proceed", ["exceed"] = "exceed", ["succeed"] = "succeed",
    };

    private delegate bool Condition(string stem);

    private readonly record struct Rule(string Suffix, string Replacement, Condition? When);

    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var stem = word.ToLowerInvariant();
        if (Irregular.TryGetValue(stem, out var irregular)) return irregular;
        if (word.Length <= 2) return stem;
        stem = Step1A(stem);
        stem = Step1B(stem);
        stem = Apply(stem, [new("y", "i", s => s.Length > 1 && IsConsonant(s, s.Length - 1))]);
        stem = Step2(stem);
        stem = Apply(stem, [
            new("icate", "ic", Positive), new("ative", "", Positive), new("alize", "al", Positive),
            new("iciti", "ic", Positive), new("ical", "ic", Positive), new("ful", "", Positive), new("ness", "", Positive)]);
        stem = Step4(stem);
        stem = Step5A(stem);
        var before5B = stem;
        return Apply(stem, [new("ll", "l", _ => Measure(before5B[..^1]) > 1)]);
    }

    private static string Step1A(string w) =>
        w.EndsWith("ies", StringComparison.Ordinal) && w.Length == 4
            ? w[..^3] + "ie"
            : Apply(w, [new("sses", "ss", null), new("ies", "i", null), new("ss", "ss", null), new("s", "", null)]);

    private static string Step1B(string w)
    {
        if (w.EndsWith("ied", StringComparison.Ordinal)) return w[..^3] + (w.Length == 4 ? "ie" : "i");
        if (w.EndsWith("eed", StringComparison.Ordinal)) return Measure(w[..^3]) > 0 ? w[..^3] + "ee" : w;
        string? mid = null;
        foreach (var suffix in new[] { "ed", "ing" })
        {
            if (w.EndsWith(suffix, StringComparison.Ordinal) && ContainsVowel(w[..^suffix.Length]))
            {
                mid = w[..^suffix.Length];
                break;
            }
        }
        if (mid is null) return w;
        if (mid.EndsWith("at", StringComparison.Ordinal)) return mid + "e";
        if (mid.EndsWith("bl", StringComparison.Ordinal)) return mid + "e";
        if (mid.EndsWith("iz", StringComparison.Ordinal)) return mid + "e";
        if (EndsDoubleConsonant(mid)) return mid[^1] is 'l' or 's' or 'z' ? mid : mid[..^1];
        return Measure(mid) == 1 && EndsCvc(mid) ? mid + "e" : mid;
    }

    private static string Step2(string w)
    {
        if (w.EndsWith("alli", StringComparison.Ordinal) && Positive(w[..^4])) return Step2(w[..^4] + "al");
        var word = w;
        return Apply(w, [
            new("ational", "ate", Positive), new("tional", "tion", Positive), new("enci", "ence", Positive),
            new("anci", "ance", Positive), new("izer", "ize", Positive), new("bli", "ble", Positive),
            new("alli", "al", Positive), new("entli", "ent", Positive), new("eli", "e", Positive),
            new("ousli", "ous", Positive), new("ization", "ize", Positive), new("ation", "ate", Positive),
            new("ator", "ate", Positive), new("alism", "al", Positive), new("iveness", "ive", Positive),
            new("fulness", "ful", Positive), new("ousness", "ous", Positive), new("aliti", "al", Positive),
            new("iviti", "ive", Positive), new("biliti", "ble", Positive), new("fulli", "ful", Positive),
            new("logi", "log", _ => Positive(word[..^3]))]);
    }

    private static string Step4(string w)
    {
        static bool Gt1(string s) => Measure(s) > 1;
        return Apply(w, [
            new("al", "", Gt1), new("ance", "", Gt1), new("ence", "", Gt1), new("er", "", Gt1), new("ic", "", Gt1),
            new("able", "", Gt1), new("ible", "", Gt1), new("ant", "", Gt1), new("ement", "", Gt1),
            new("ment", "", Gt1), new("ent", "", Gt1), new("ion", "", s => Measure(s) > 1 && s[^1] is 's' or 't'),
            new("ou", "", Gt1), new("ism", "", Gt1), new("ate", "", Gt1), new("iti", "", Gt1), new("ous", "", Gt1),
            new("ive", "", Gt1), new("ize", "", Gt1)]);
    }

    private static string Step5A(string w)
    {
        if (!w.EndsWith('e')) return w;
        var stem = w[..^1];
        var m = Measure(stem);
        return m > 1 || (m == 1 && !EndsCvc(stem)) ? stem : w;
    }

    // The first rule whose suffix matches decides, whether or not its condition holds (as in NLTK).
    private static string Apply(string word, Rule[] rules)
    {
        foreach (var rule in rules)
        {
            if (!word.EndsWith(rule.Suffix, StringComparison.Ordinal)) continue;
            var stem = word[..^rule.Suffix.Length];
            return rule.When is null || rule.When(stem) ? stem + rule.Replacement : word;
        }
        return word;
    }

    private static bool Positive(string stem) => Measure(stem) > 0;

    private static bool IsConsonant(string w, int i) =>
        w[i] switch
        {
            'a' or 'e' or 'i' or 'o' or 'u' => false,
            'y' => i == 0 || !IsConsonant(w, i - 1),
            _ => true,
        };

    private static int Measure(string stem)
    {
        var count = 0;
        for (var i = 1; i < stem.Length; i++)
            if (!IsConsonant(stem, i - 1) && IsConsonant(stem, i)) count++;
        return count;
    }

    private static bool ContainsVowel(string stem)
    {
        for (var i = 0; i < stem.Length; i++)
            if (!IsConsonant(stem, i)) return true;
        return false;
    }

    private static bool EndsDoubleConsonant(string w) => w.Length >= 2 && w[^1] == w[^2] && IsConsonant(w, w.Length - 1);

    private static bool EndsCvc(string w) =>
        (w.Length >= 3 && IsConsonant(w, w.Length - 3) && !IsConsonant(w, w.Length - 2) && IsConsonant(w, w.Length - 1)
         && w[^1] is not ('w' or 'x' or 'y'))
        || (w.Length == 2 && !IsConsonant(w, 0) && IsConsonant(w, 1));
}
