using System.Text;
using NewsBrief.Summariser.Extractive;

namespace NewsBrief.Summariser.Evaluation;

/// <summary>Tokenises text the way the <c>rouge-score</c> package does, so that our figures compare with published ones.</summary>
public static class RougeTokenizer
{
    /// <summary>
    /// Lowercases, turns every run of characters outside [a-z0-9] into one space, splits, and with
    /// <paramref name="stem"/> Porter-stems tokens longer than three characters.
    /// </summary>
    public static IReadOnlyList<string> Tokenize(string text, bool stem)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lowered = text.ToLowerInvariant();
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var c in lowered)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') current.Append(c);
            else Flush();
        }
        Flush();
        return tokens;

        void Flush()
        {
            if (current.Length == 0) return;
            var token = current.ToString();
            current.Clear();
            tokens.Add(stem && token.Length > 3 ? PorterStemmer.Stem(token) : token);
        }
    }
}
