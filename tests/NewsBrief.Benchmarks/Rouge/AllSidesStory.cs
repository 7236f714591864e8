using System.Text.Json;
using NewsBrief.Summariser.Extractive;

namespace NewsBrief.Benchmarks.Rouge;

/// <summary>
/// One AllSides story as a multi-document summarisation item: each outlet's title and lead excerpt, and the
/// neutral roundup's first paragraph as the reference (its second paragraph reviews the coverage, not the event).
/// </summary>
public sealed record AllSidesStory(string Id, IReadOnlyList<SummaryDocument> Articles, IReadOnlyList<string> Outlets, string Reference)
{
    /// <summary>The stories of <c>clustering/allsides/stories.jsonl</c> under <paramref name="dataRoot"/> that at least two outlets cover.</summary>
    public static List<AllSidesStory> Load(string dataRoot)
    {
        var path = Path.Combine(dataRoot, "clustering", "allsides", "stories.jsonl");
        var stories = new List<AllSidesStory>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var roundup = root.TryGetProperty("roundup", out var r) ? r.GetString() ?? "" : "";
            var reference = roundup.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
            if (reference.Length == 0) throw new InvalidDataException($"{path}:{lineNumber}: no roundup");
            var articles = new List<SummaryDocument>();
            var outlets = new List<string>();
            foreach (var a in root.GetProperty("articles").EnumerateArray())
            {
                articles.Add(new SummaryDocument(articles.Count + 1, a.GetProperty("title").GetString() ?? "", a.GetProperty("body").GetString() ?? ""));
                outlets.Add(a.GetProperty("source").GetString() ?? "");
            }
            if (articles.Count >= 2)
                stories.Add(new AllSidesStory(root.GetProperty("story_id").ToString(), articles, outlets,
                    string.Join('\n', SentenceSplitter.Split(reference))));
        }
        return stories;
    }
}
