using System.Text.RegularExpressions;

namespace NewsBrief.Summariser.Extractive;

/// <summary>
/// Splits news text into sentences. Line breaks are hard boundaries and bullet markers are dropped;
/// within a line a sentence ends at . ! ? or an ellipsis followed by space and a sentence start,
/// unless the full stop closes an abbreviation, an initial or part of a number. Closing quotes and
/// brackets stay with the sentence they close.
/// </summary>
public static partial class SentenceSplitter
{
    public static IReadOnlyList<string> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = new List<string>();
        foreach (var rawLine in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = Whitespace().Replace(BulletMarker().Replace(rawLine, ""), " ").Trim();
            if (line.Length > 0) SplitLine(line, sentences);
        }
        return sentences;
    }

    private static void SplitLine(string line, List<string> sentences)
    {
        var start = 0;
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if (c is not ('.' or '!' or '?' or '…'))
            {
                i++;
                continue;
            }
            var end = i + 1;
            while (end < line.Length && line[end] is '.' or '!' or '?' or '…') end++;
            while (end < line.Length && IsCloser(line[end])) end++;
            if (end < line.Length && line[end] != ' ')
            {
                i = end;
                continue;
            }
            var next = end + 1;
            var endsSentence = end >= line.Length
                || (next < line.Length && StartsSentence(line, next) && !IsNonFinalFullStop(line, i, end, next));
            if (endsSentence)
            {
                var sentence = line[start..end].Trim();
                if (sentence.Length > 0) sentences.Add(sentence);
                start = end;
            }
            i = end;
        }
        var rest = line[start..].Trim();
        if (rest.Length > 0) sentences.Add(rest);
    }

    private static bool IsCloser(char c) => c is '"' or '\'' or '”' or '’' or ')' or ']' or '»';

    private static bool StartsSentence(string line, int at)
    {
        var c = line[at];
        if (char.IsUpper(c) || char.IsDigit(c)) return true;
        if (c is '"' or '\'' or '“' or '‘' or '(' or '[' or '«' or '-' or '—' or '£' or '$' or '€')
            return at + 1 < line.Length && (char.IsUpper(line[at + 1]) || char.IsDigit(line[at + 1]) || line[at + 1] is '“' or '"');
        return false;
    }

    // A single full stop after an abbreviation or an initial does not end the sentence, except for
    // abbreviations that often close one (U.S., Inc., p.m.) when the next word is a usual sentence opener.
    private static bool IsNonFinalFullStop(string line, int punct, int end, int next)
    {
        if (line[punct] != '.' || end - punct > 1 && line[punct + 1] is '.' or '!' or '?' or '…') return false;
        if (end != punct + 1) return false;
        var wordStart = punct;
        while (wordStart > 0 && line[wordStart - 1] is not (' ' or '(' or '"' or '“' or '\'' or '‘')) wordStart--;
        var word = line[wordStart..(punct + 1)];
        if (word.Length == 2 && char.IsUpper(word[0])) return true; // an initial: "J. K. Rowling"
        if (Abbreviations.NeverFinal.Contains(word)) return true;
        var canEnd = Abbreviations.SometimesFinal.Contains(word) || DottedAcronym().IsMatch(word);
        return canEnd && !Abbreviations.IsSentenceOpener(NextWord(line, next));
    }

    private static string NextWord(string line, int at)
    {
        var stop = line.IndexOf(' ', at);
        return line[at..(stop < 0 ? line.Length : stop)].Trim('"', '\'', '“', '‘', '(', ',');
    }

    [GeneratedRegex(@"^\s*(?:[•·▪◦‣●■□*–—-]|\d{1,2}[.)])\s+")]
    private static partial Regex BulletMarker();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(?:[A-Za-z]\.){2,}$")]
    private static partial Regex DottedAcronym();
}
