using System.Text.Json;
using NewsBrief.Scrapers.Dedup;

namespace NewsBrief.Benchmarks;

/// <summary>The AllSides stories (clustering/allsides/stories.jsonl) as articles with gold story labels.</summary>
public sealed record ClusteringAllSides(IReadOnlyList<ClusterItem> Items, IReadOnlyList<string> Gold, IReadOnlyList<DateTimeOffset> StoryDates)
{
    /// <summary>
    /// The dev part starts here: the stories of Aug-Oct 2021, the ones the end-to-end test serves as feeds
    /// (the "AllSides dev stories"); the earlier ones (Apr-Jul) are held out and never tuned on.
    /// The data's README names no split of its own.
    /// </summary>
    public static readonly DateTimeOffset DevFrom = new(2021, 8, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The articles of one part: "dev", "heldout" or "all".</summary>
    public ClusteringAllSides Part(string part)
    {
        if (part == "all") return this;
        var keep = Enumerable.Range(0, Items.Count).Where(i => part switch
        {
            "dev" => StoryDates[i] >= DevFrom,
            "heldout" => StoryDates[i] < DevFrom,
            _ => throw new ArgumentException($"unknown part '{part}' (dev, heldout, all)", nameof(part)),
        }).ToList();
        return new ClusteringAllSides(keep.Select(i => Items[i]).ToList(), keep.Select(i => Gold[i]).ToList(), keep.Select(i => StoryDates[i]).ToList());
    }

    /// <summary>Loads every outlet's article; each is dated at its story's date plus a fixed pseudo-random 0-12 h.</summary>
    /// <param name="sameDay">Date every article at the same instant, so time cannot help (the hard case).</param>
    public static ClusteringAllSides Load(string dataRoot, bool sameDay)
    {
        var path = Path.Combine(dataRoot, "clustering", "allsides", "stories.jsonl");
        var items = new List<ClusterItem>();
        var gold = new List<string>();
        var dates = new List<DateTimeOffset>();
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
                dates.Add(date);
            }
        }
        return new ClusteringAllSides(items, gold, dates);
    }

    /// <summary>Copies of the set, each moved <paramref name="shift"/> later, until there are <paramref name="count"/> articles.</summary>
    public IReadOnlyList<ClusterItem> Repeated(int count, TimeSpan shift) =>
        Enumerable.Range(0, count).Select(i => Items[i % Items.Count] with { Time = Items[i % Items.Count].Time + shift * (i / Items.Count) }).ToList();
}
