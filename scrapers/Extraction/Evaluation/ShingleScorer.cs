using System.Text;

namespace NewsBrief.Scrapers.Extraction.Evaluation;

/// <summary>Shingle precision/recall of extracted text against expected text, as the article-extraction-benchmark scores it.</summary>
public static class ShingleScorer
{
    /// <summary>Precision and recall of one page.</summary>
    public readonly record struct PageScore(double Precision, double Recall);

    /// <summary>Macro-averaged precision and recall over pages and the F1 of those averages.</summary>
    public readonly record struct Summary(double Precision, double Recall, double F1, int Pages);

    public static PageScore Score(string? expected, string? extracted)
    {
        var truth = Shingles(expected);
        var pred = Shingles(extracted);
        long tp = 0, fp = 0, fn = 0;
        foreach (var (key, t) in truth)
        {
            var p = pred.GetValueOrDefault(key);
            tp += Math.Min(t, p);
            fn += Math.Max(0, t - p);
        }
        foreach (var (key, p) in pred) fp += Math.Max(0, p - truth.GetValueOrDefault(key));
        return new PageScore(Ratio(tp, fp, fn, fp), Ratio(tp, fp, fn, fn));
    }

    public static Summary Summarise(IReadOnlyCollection<PageScore> pages)
    {
        if (pages.Count == 0) return new Summary(0, 0, 0, 0);
        var p = pages.Average(s => s.Precision);
        var r = pages.Average(s => s.Recall);
        return new Summary(p, r, p + r == 0 ? 0 : 2 * p * r / (p + r), pages.Count);
    }

    // Mirrors the Python reference: perfect when nothing is wrong, zero when nothing is right.
    private static double Ratio(long tp, long fp, long fn, long miss)
    {
        if (fp == 0 && fn == 0) return 1;
        if (tp == 0 && miss == 0) return 0;
        return (double)tp / (tp + miss);
    }

    /// <summary>4-token shingles as a multiset; a text of fewer tokens is one shingle of them all.</summary>
    internal static Dictionary<string, int> Shingles(string? text, int n = 4)
    {
        var tokens = Tokenize(text);
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        var count = Math.Max(1, tokens.Count - n + 1);
        for (var i = 0; i < count && tokens.Count > 0; i++)
        {
            var key = string.Join(' ', tokens.Skip(i).Take(n));
            result[key] = result.GetValueOrDefault(key) + 1;
        }
        return result;
    }

    /// <summary>Runs of word characters as Python's <c>\w</c> sees them: <c>str.isalnum()</c> or underscore.</summary>
    internal static List<string> Tokenize(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrEmpty(text)) return tokens;
        var current = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsWord(rune)) { current.Append(rune.ToString()); continue; }
            if (current.Length > 0) { tokens.Add(current.ToString()); current.Clear(); }
        }
        if (current.Length > 0) tokens.Add(current.ToString());
        return tokens;
    }

    private static bool IsWord(Rune r) => r.Value == '_' || Rune.IsLetter(r) || Rune.IsNumber(r);
}
