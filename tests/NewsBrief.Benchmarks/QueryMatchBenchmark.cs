using System.Diagnostics;
using System.Text.Json;
using NewsBrief.Core.Query;

namespace NewsBrief.Benchmarks;

/// <summary>Articles per second through the subscription index versus evaluating every query, at growing subscription counts.</summary>
public sealed class QueryMatchBenchmark : IBenchmark
{
    private static readonly HashSet<string> StopWords =
    [
        "the", "and", "for", "with", "from", "that", "this", "are", "was", "were", "has", "have", "had", "its", "his", "her",
        "their", "after", "over", "into", "about", "amid", "not", "but", "who", "what", "will", "says", "said", "new", "out",
        "more", "than", "can", "how", "why", "may", "been", "being", "they", "them", "you", "our", "all", "any", "one", "two",
    ];

    private static readonly string[] BuiltInWords =
    [
        "tiktok", "ban", "supreme", "court", "election", "biden", "trump", "ukraine", "russia", "climate", "summit", "inflation",
        "rates", "bank", "strike", "union", "police", "reform", "china", "tariffs", "senate", "vaccine", "covid", "oil",
        "gas", "border", "immigration", "abortion", "congress", "israel", "gaza", "nato", "taxes", "budget", "shutdown",
        "wildfire", "hurricane", "storm", "earthquake", "protest", "governor", "mayor", "lawsuit", "trial", "verdict",
    ];

    public string Name => "query-match";

    public string Description => "subscription index vs brute force: articles/second and memory at 100/10k/100k queries";

    public Task<int> RunAsync(string[] args)
    {
        var sizes = args.Length > 0 ? args.Select(int.Parse).ToArray() : [100, 10_000, 100_000];
        var (docs, corpus) = LoadDocuments();
        var (words, bigrams) = Vocabulary(docs);
        Console.WriteLine($"documents: {docs.Count} ({corpus}); vocabulary: {words.Count} weighted words, {bigrams.Count} title bigrams");
        Console.WriteLine();
        Console.WriteLine("| subscriptions | distinct queries | build ms | index articles/s | brute force articles/s | speed-up | matches/article | parsed queries MB | index MB | peak working set MB |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var size in sizes)
        {
            var random = new Random(size);
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var queries = Enumerable.Range(0, size).Select(_ => NextQuery(random, words, bigrams)).ToList();
            var queriesMb = (GC.GetTotalMemory(forceFullCollection: true) - before) / 1048576.0;
            var watch = Stopwatch.StartNew();
            var index = new SubscriptionIndex();
            for (var id = 0; id < queries.Count; id++) index.Add(id, queries[id]);
            var buildMs = watch.Elapsed.TotalMilliseconds;
            var indexMb = (GC.GetTotalMemory(forceFullCollection: true) - before) / 1048576.0 - queriesMb;

            // The machine is shared: alternate the two sides in short rounds and keep each side's best round.
            double indexRate = 0, bruteRate = double.NaN;
            for (var round = 0; round < 4; round++)
            {
                indexRate = Math.Max(indexRate, Rate(docs, doc => index.Match(doc)));
                if (size <= 10_000) bruteRate = Math.Max(double.IsNaN(bruteRate) ? 0 : bruteRate, Rate(docs, doc => BruteForce(queries, doc)));
            }
            var matchesPerDoc = docs.Sum(doc => index.Match(doc).Count) / (double)docs.Count;
            var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0;
            Console.WriteLine(
                $"| {size:N0} | {queries.Select(q => q.Text).Distinct().Count():N0} | {buildMs:N0} | {indexRate:N0} | {(double.IsNaN(bruteRate) ? "-" : bruteRate.ToString("N0"))} | " +
                $"{(double.IsNaN(bruteRate) ? "-" : (indexRate / bruteRate).ToString("N1") + "x")} | {matchesPerDoc:N1} | {queriesMb:N2} | {indexMb:N2} | {peakMb:N0} |");
            GC.KeepAlive(index);
        }
        Console.WriteLine();
        Console.WriteLine("Both sides tokenise each article once (DocumentTerms.From); brute force then evaluates every query.");
        return Task.FromResult(0);
    }

    private static int BruteForce(List<TopicQuery> queries, QueryDocument doc)
    {
        var terms = DocumentTerms.From(doc);
        var count = 0;
        foreach (var query in queries) if (query.Matches(terms)) count++;
        return count;
    }

    /// <summary>Articles per second over half a second, after a warm-up long enough for tiered JIT to reach optimised code.</summary>
    private static double Rate(List<QueryDocument> docs, Action<QueryDocument> match)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; watch.Elapsed.TotalSeconds < 0.3; i++) match(docs[i % docs.Count]);
        long processed = 0;
        watch.Restart();
        for (var i = 0; watch.Elapsed.TotalSeconds < 0.5; i++, processed++) match(docs[i % docs.Count]);
        return processed / watch.Elapsed.TotalSeconds;
    }

    private static TopicQuery NextQuery(Random random, List<string> words, List<string> bigrams)
    {
        string W() => words[random.Next(words.Count)];
        string P() => bigrams.Count > 0 ? $"\"{bigrams[random.Next(bigrams.Count)]}\"" : W();
        while (true)
        {
            var roll = random.Next(100);
            var text = roll switch
            {
                < 35 => W(),
                < 60 => $"{W()} {W()}",
                < 70 => P(),
                < 80 => $"({W()} OR {W()}) {W()}",
                < 88 => $"{W()} -{W()}",
                < 93 => Stem(W()),
                < 97 => $"title:{W()}",
                _ => $"{W()} OR {W()} OR {P()}",
            };
            if (TopicQuery.TryParse(text, out var query, out _)) return query!;
        }
    }

    private static string Stem(string word) => word.Length <= 4 ? word : word[..Math.Max(4, word.Length - 3)] + "*";

    /// <summary>Content words of the headlines, repeated by frequency so popular subjects get more subscriptions, and headline bigrams for phrases.</summary>
    private static (List<string> Words, List<string> Bigrams) Vocabulary(List<QueryDocument> docs)
    {
        var words = new List<string>();
        var bigrams = new List<string>();
        foreach (var doc in docs)
        {
            var title = TermFolder.Words(doc.Title);
            for (var i = 0; i < title.Count; i++)
            {
                if (!IsContent(title[i])) continue;
                words.Add(title[i]);
                if (i + 1 < title.Count && IsContent(title[i + 1])) bigrams.Add(title[i] + " " + title[i + 1]);
            }
        }
        if (words.Count < 100) words.AddRange(BuiltInWords);
        return (words, bigrams);
    }

    private static bool IsContent(string word) => word.Length >= 3 && !StopWords.Contains(word) && !word.All(char.IsAsciiDigit);

    private static (List<QueryDocument> Docs, string Corpus) LoadDocuments()
    {
        var path = DataFolder.Find() is { } root ? Path.Combine(root, "clustering", "allsides", "stories.jsonl") : null;
        if (path is null || !File.Exists(path)) return (Synthetic(), "built-in word list, synthetic articles");
        var docs = new List<QueryDocument>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var json = JsonDocument.Parse(line);
            if (!json.RootElement.TryGetProperty("articles", out var articles) || articles.ValueKind != JsonValueKind.Array) continue;
            foreach (var a in articles.EnumerateArray())
            {
                var source = Text(a, "source");
                docs.Add(new QueryDocument(Text(a, "title"), Text(a, "body"), source.ToLowerInvariant().Replace(' ', '-'), source));
            }
        }
        return (docs, "allsides stories.jsonl articles: title, body, source");
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";

    private static List<QueryDocument> Synthetic()
    {
        var random = new Random(1);
        string Sentence(int n) => string.Join(' ', Enumerable.Range(0, n).Select(_ => BuiltInWords[random.Next(BuiltInWords.Length)]));
        return Enumerable.Range(0, 500).Select(_ => new QueryDocument(Sentence(8), Sentence(300), "wire", "Wire")).ToList();
    }
}
