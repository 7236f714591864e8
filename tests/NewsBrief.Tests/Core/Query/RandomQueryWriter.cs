using NewsBrief.Core.Query;

namespace NewsBrief.Tests.Core.Query;

/// <summary>Writes random but valid queries and documents over a small vocabulary, so that many of them match.</summary>
internal sealed class RandomQueryWriter(int seed)
{
    private static readonly string[] Vocabulary =
        ["tiktok", "ban", "court", "supreme", "election", "vote", "biden", "trump", "zelenskyy", "ukraine", "russia",
         "war", "peace", "talks", "climate", "summit", "prohibition", "prohibit", "bank", "rates", "inflation",
         "café", "strike", "union", "police", "reform", "china", "trade", "tariff", "tariffs", "white", "house",
         "senate", "bill", "health", "vaccine", "covid", "19", "oil", "gas"];

    private static readonly string[] Sources = ["bbc-news", "reuters", "the-guardian", "ap"];

    private readonly Random _random = new(seed);

    public TopicQuery NextQuery()
    {
        while (true)
        {
            if (TopicQuery.TryParse(Expression(0), out var query, out _)) return query!;
        }
    }

    public QueryDocument NextDocument() => new(
        Sentence(_random.Next(3, 9)),
        Sentence(_random.Next(0, 30)),
        Sources[_random.Next(Sources.Length)],
        _random.Next(2) == 0 ? "BBC News" : "");

    private string Sentence(int words) =>
        string.Join(' ', Enumerable.Range(0, words).Select(_ => _random.Next(10) == 0 ? "Other" : Capitalised(Word())));

    private string Word() => Vocabulary[_random.Next(Vocabulary.Length)];

    private string Capitalised(string word) => _random.Next(3) == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word;

    private string Expression(int depth)
    {
        var roll = _random.Next(depth >= 3 ? 5 : 10);
        return roll switch
        {
            < 5 => Leaf(),
            5 or 6 => $"{Expression(depth + 1)} {(_random.Next(2) == 0 ? "AND " : "")}{Expression(depth + 1)}",
            7 => $"{Expression(depth + 1)} OR {Expression(depth + 1)}",
            8 => _random.Next(2) == 0 ? $"-{Leaf()}" : $"NOT {Expression(depth + 1)}",
            _ => $"({Expression(depth + 1)})",
        };
    }

    private string Leaf()
    {
        var term = _random.Next(10) switch
        {
            < 6 => Word(),
            6 => $"\"{Word()} {Word()}\"",
            7 => Prefix(Word()),
            8 => "title:" + Word(),
            _ => "source:" + Sources[_random.Next(Sources.Length)].Split('-')[0],
        };
        return term;
    }

    private string Prefix(string word) => word.Length < 3 ? word : word[.._random.Next(2, word.Length)] + "*";
}
