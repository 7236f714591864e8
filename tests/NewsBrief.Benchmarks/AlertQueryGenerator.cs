using NewsBrief.Core.Query;

namespace NewsBrief.Benchmarks;

/// <summary>
/// Subscriptions as people write them, built from the corpus's own headlines: mostly the subject of one
/// story (two or three of its headline's content words, one of its phrases, a phrase and a word, a word
/// with an alternative or an exclusion, a stem, a headline-only word), and some broad topics (one
/// content word, chosen by how often headlines use it, or three alternatives). Each query is parsed as a
/// subscription would be; the selectivity that results is measured by the benchmarks, not assumed.
/// </summary>
public sealed class AlertQueryGenerator
{
    private static readonly HashSet<string> StopWords =
    [
        "the", "and", "for", "with", "from", "that", "this", "are", "was", "were", "has", "have", "had", "its", "his", "her",
        "their", "after", "over", "into", "about", "amid", "not", "but", "who", "what", "will", "says", "said", "new", "out",
        "more", "than", "can", "how", "why", "may", "been", "being", "they", "them", "you", "our", "all", "any", "one", "two",
        "year", "years", "first", "back", "just", "could", "would", "should", "other", "some", "when", "where",
    ];

    private readonly Random _random;
    private readonly List<List<string>> _headlines = [];
    private readonly List<string> _weightedWords = [];
    private readonly List<string> _bigrams = [];

    public AlertQueryGenerator(IReadOnlyList<QueryDocument> documents, int seed)
    {
        _random = new Random(seed);
        foreach (var doc in documents)
        {
            var title = TermFolder.Words(doc.Title);
            var content = title.Where(IsContent).Distinct().ToList();
            if (content.Count >= 2) _headlines.Add(content);
            for (var i = 0; i < title.Count; i++)
            {
                if (!IsContent(title[i])) continue;
                _weightedWords.Add(title[i]);
                if (i + 1 < title.Count && IsContent(title[i + 1])) _bigrams.Add(title[i] + " " + title[i + 1]);
            }
        }
        if (_headlines.Count == 0) throw new InvalidOperationException("no headline has two content words to build queries from");
    }

    /// <summary>The mix, in percent: what each kind of query is and how often it comes.</summary>
    public static string Mix =>
        "20% two words of one headline, 10% three words, 15% a headline phrase, 10% phrase + word, " +
        "10% (a OR b) c, 10% a b -c, 5% stem* + word, 5% title:word + word, 10% one frequent word (broad topic), 5% a OR b OR \"phrase\"";

    public TopicQuery Next()
    {
        while (true)
        {
            var h = _headlines[_random.Next(_headlines.Count)];
            string W() => h[_random.Next(h.Count)];
            string Broad() => _weightedWords[_random.Next(_weightedWords.Count)];
            string P() => _bigrams.Count > 0 ? $"\"{_bigrams[_random.Next(_bigrams.Count)]}\"" : W();
            var (a, b, c) = Three(h);
            var roll = _random.Next(100);
            var text = roll switch
            {
                < 20 => $"{a} {b}",
                < 30 => $"{a} {b} {c}",
                < 45 => P(),
                < 55 => $"{P()} {W()}",
                < 65 => $"({a} OR {b}) {c}",
                < 75 => $"{a} {b} -{Broad()}",
                < 80 => $"{Stem(a)} {b}",
                < 85 => $"title:{a} {b}",
                < 95 => Broad(),
                _ => $"{Broad()} OR {Broad()} OR {P()}",
            };
            if (TopicQuery.TryParse(text, out var query, out _)) return query!;
        }
    }

    /// <summary>Three words of the headline, distinct where it has that many.</summary>
    private (string, string, string) Three(List<string> headline)
    {
        var picked = headline.OrderBy(_ => _random.Next()).Take(3).ToList();
        while (picked.Count < 3) picked.Add(picked[^1]);
        return (picked[0], picked[1], picked[2]);
    }

    private static string Stem(string word) => word.Length <= 5 ? word : word[..Math.Max(4, word.Length - 3)] + "*";

    private static bool IsContent(string word) => word.Length >= 3 && !StopWords.Contains(word) && !word.All(char.IsAsciiDigit);
}
