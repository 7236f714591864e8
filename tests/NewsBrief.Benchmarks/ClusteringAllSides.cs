using System.Text.Json;
using NewsBrief.Scrapers.Dedup;

namespace NewsBrief.Benchmarks;

/// <summary>The AllSides stories (clustering/allsides/stories.jsonl) as articles with gold story labels.</summary>
public sealed record ClusteringAllSides(IReadOnlyList<ClusterItem> Items, IReadOnlyList<string> Gold)
{
    /// <summary>Loads every outlet's article; each is dated at its story's date plus a fixed pseudo-random 0-12 h.</summary>
    /// <param name="sameDay">Date every article at the same instant, so time cannot help (the hard case).</param>
    public static ClusteringAllSides Load(string dataRoot, bool sameDay)
    {
        var path = Path.Combine(dataRoot, "clustering", "allsides", "stories.jsonl");
        var items = new List<ClusterItem>();
        var gold = new List<string>();
        var random = new Random(42);
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var doc = JsonDocument.Parse(line);
            var story = doc.RootElement;
            var id = story.GetProperty("story_id").ToString();
            var date = DateTimeOffset.Parse(story.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            foreach (var article in story.GetProperty("articles").EnumerateArray())
            {
                var offset = TimeSpan.FromMinutes(random.Next(0, 12 * 60));
                var time = sameDay ? new DateTimeOffset(2021, 6, 1, 12, 0, 0, TimeSpan.Zero) : date + offset;
                items.Add(new ClusterItem(article.GetProperty("title").GetString() ?? "", article.GetProperty("body").GetString() ?? "",
                    time, article.GetProperty("source").GetString() ?? ""));
                gold.Add(id);
            }
        }
        return new ClusteringAllSides(items, gold);
    }

    /// <summary>Copies of the set, each moved <paramref name="shift"/> later, until there are <paramref name="count"/> articles.</summary>
    public IReadOnlyList<ClusterItem> Repeated(int count, TimeSpan shift) =>
        Enumerable.Range(0, count).Select(i => Items[i % Items.Count] with { Time = Items[i % Items.Count].Time + shift * (i / Items.Count) }).ToList();
}
