using System.Globalization;
using System.Text.Json;
using NewsBrief.Scrapers.Dedup;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Scrapers.Dedup;

/// <summary>The shared AllSides stories as articles with gold story labels, dated at their story's date plus 0-12 h.</summary>
internal sealed record AllSidesData(IReadOnlyList<ClusterItem> Items, IReadOnlyList<string> Gold)
{
    public static AllSidesData Load()
    {
        var items = new List<ClusterItem>();
        var gold = new List<string>();
        var random = new Random(42);
        foreach (var line in File.ReadLines(SharedData.Path("clustering", "allsides", "stories.jsonl")))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var doc = JsonDocument.Parse(line);
            var story = doc.RootElement;
            var date = DateTimeOffset.Parse(story.GetProperty("date").GetString()!, CultureInfo.InvariantCulture);
            foreach (var article in story.GetProperty("articles").EnumerateArray())
            {
                items.Add(new ClusterItem(article.GetProperty("title").GetString() ?? "", article.GetProperty("body").GetString() ?? "",
                    date + TimeSpan.FromMinutes(random.Next(0, 12 * 60)), article.GetProperty("source").GetString() ?? ""));
                gold.Add(story.GetProperty("story_id").ToString());
            }
        }
        return new AllSidesData(items, gold);
    }
}
