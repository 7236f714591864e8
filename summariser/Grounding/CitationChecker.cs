using System.Text.RegularExpressions;
using NewsBrief.Core.Domain;
using NewsBrief.Core.Text;

namespace NewsBrief.Summariser.Grounding;

/// <summary>
/// Checks a model's draft against the articles it was shown. Rules, in order, per sentence:
/// citations to numbers it was not given are removed; a sentence left with no citation is dropped;
/// URLs that are not one of the given articles' URLs are cut out of the text; a number that occurs in none of the
/// cited articles drops the sentence (a wrong figure is the costliest error in a policy brief); a capitalised name
/// that occurs in none of them only marks it (names are often paraphrased: "the Commission", "Brussels").
/// Pure: no I/O.
/// </summary>
public static partial class CitationChecker
{
    public static CheckedSummary Check(DraftSummary draft, IReadOnlyList<CitedSource> sources)
    {
        var byNumber = sources.ToDictionary(s => s.Number);
        var allowedUrls = sources.Where(s => !string.IsNullOrWhiteSpace(s.Url)).Select(s => s.Url!.TrimEnd('/'))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var kept = new List<BriefSentence>();
        var marked = new List<int>();
        var notes = new List<string>();
        var dropped = 0;
        var evidence = new Dictionary<string, (IReadOnlySet<string>, IReadOnlySet<string>)>();

        foreach (var (sentence, index) in draft.Sentences.Select((s, i) => (s, i + 1)))
        {
            var valid = sentence.Citations.Distinct().Where(byNumber.ContainsKey).ToList();
            var invented = sentence.Citations.Distinct().Where(n => !byNumber.ContainsKey(n)).ToList();
            if (invented.Count > 0) notes.Add($"sentence {index}: removed citations to articles it was not given: {string.Join(", ", invented.Select(n => $"[{n}]"))}");
            if (valid.Count == 0)
            {
                dropped++;
                notes.Add($"sentence {index}: dropped, it cites no article it was given");
                continue;
            }

            var text = StripForeignUrls(sentence.Text, allowedUrls, out var removedUrls);
            if (removedUrls > 0) notes.Add($"sentence {index}: removed {Counted.Of(removedUrls, "link")} not in the articles");
            text = CitationMarker().Replace(text, "").Trim();
            if (text.Length == 0)
            {
                dropped++;
                notes.Add($"sentence {index}: dropped, nothing left after removing links");
                continue;
            }

            var (citedNumbers, citedWords) = Evidence(evidence, valid, byNumber);
            var factText = UrlPattern().Replace(text, " ");
            var missingNumbers = KeyFacts.Numbers(factText).Where(n => !citedNumbers.Contains(n)).ToList();
            if (missingNumbers.Count > 0)
            {
                dropped++;
                notes.Add($"sentence {index}: dropped, the cited articles do not contain {string.Join(", ", missingNumbers)}");
                continue;
            }
            var missingNames = KeyFacts.Names(factText).Where(n => !KeyFacts.NameOccursIn(n, citedWords)).ToList();
            if (missingNames.Count > 0)
            {
                marked.Add(kept.Count);
                notes.Add($"sentence {index}: marked, the cited articles do not name {string.Join(", ", missingNames)}");
            }
            kept.Add(new BriefSentence(text, valid.Select(n => byNumber[n].ArticleId).ToList()));
        }

        var headline = CitationMarker().Replace(StripForeignUrls(draft.Headline, allowedUrls, out var headlineUrls), "").Trim();
        var allText = string.Join("\n", sources.Select(s => s.Title + "\n" + s.Text));
        var allNumbers = KeyFacts.Numbers(allText).ToHashSet();
        // a headline that needed a link cut out was written for someone else's purpose; use the lead article's title
        if (headline.Length == 0 || headlineUrls > 0 || KeyFacts.Numbers(UrlPattern().Replace(headline, " ")).Any(n => !allNumbers.Contains(n)))
        {
            if (draft.Headline.Trim().Length > 0) notes.Add("headline: replaced by the first article's title, it had a foreign link or an unsupported number");
            headline = sources.FirstOrDefault()?.Title ?? "";
        }
        return new CheckedSummary(headline, kept, marked, draft.Sentences.Count, dropped, notes);
    }

    // sentences citing the same articles share one index of their numbers and words
    private static (IReadOnlySet<string> Numbers, IReadOnlySet<string> Words) Evidence(
        Dictionary<string, (IReadOnlySet<string>, IReadOnlySet<string>)> memo, List<int> citations, Dictionary<int, CitedSource> byNumber)
    {
        var key = string.Join(",", citations.Order());
        if (memo.TryGetValue(key, out var found)) return found;
        var cited = string.Join("\n", citations.Select(n => byNumber[n].Title + "\n" + byNumber[n].Text));
        return memo[key] = (KeyFacts.Numbers(cited).ToHashSet(), KeyFacts.WordsOf(cited));
    }

    private static string StripForeignUrls(string text, IReadOnlySet<string> allowed, out int removed)
    {
        var count = 0;
        var result = UrlPattern().Replace(text, m =>
        {
            var url = m.Value.TrimEnd('.', ',', ';', ':', ')', ']', '!', '?');
            if (allowed.Contains(url.TrimEnd('/'))) return m.Value;
            count++;
            return m.Value[url.Length..];
        });
        removed = count;
        // a removed link can leave "see ()" or doubled spaces behind
        result = EmptyBrackets().Replace(result, "");
        return MultiSpace().Replace(result, " ").Replace(" .", ".").Replace(" ,", ",").Trim();
    }

    [GeneratedRegex(@"(?:https?://|www\.)[^\s<>""'\])]+", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"\s*\[\d+(?:\s*,\s*\d+)*\]")]
    private static partial Regex CitationMarker();

    [GeneratedRegex(@"\(\s*\)|\[\s*\]|<\s*>")]
    private static partial Regex EmptyBrackets();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex MultiSpace();
}
