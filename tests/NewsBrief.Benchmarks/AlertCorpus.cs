using System.Text.Json;
using NewsBrief.Core.Query;

namespace NewsBrief.Benchmarks;

/// <summary>
/// The real articles the alert benchmarks match (the AllSides set's title, body and outlet), or a
/// synthetic set from a built-in word list when <c>../shared/data</c> is absent.
/// </summary>
public sealed class AlertCorpus
{
    private static readonly string[] BuiltInWords =
    [
        "tiktok", "ban", "supreme", "court", "election", "biden", "trump", "ukraine", "russia", "climate", "summit", "inflation",
        "rates", "bank", "strike", "union", "police", "reform", "china", "tariffs", "senate", "vaccine", "covid", "oil",
        "gas", "border", "immigration", "abortion", "congress", "israel", "gaza", "nato", "taxes", "budget", "shutdown",
        "wildfire", "hurricane", "storm", "earthquake", "protest", "governor", "mayor", "lawsuit", "trial", "verdict",
    ];

    private AlertCorpus(List<QueryDocument> documents, string description)
    {
        Documents = documents;
        Description = description;
    }

    public IReadOnlyList<QueryDocument> Documents { get; }

    /// <summary>Where the documents came from, for the benchmark's header.</summary>
    public string Description { get; }

    public static AlertCorpus Load()
    {
        var path = DataFolder.Find() is { } root ? Path.Combine(root, "clustering", "allsides", "stories.jsonl") : null;
        if (path is null || !File.Exists(path)) return new AlertCorpus(Synthetic(), "built-in word list, synthetic articles");
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
        return new AlertCorpus(docs, "allsides stories.jsonl articles: title, body, source");
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
