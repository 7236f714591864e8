using NewsBrief.Scrapers.Dedup;

namespace NewsBrief.Benchmarks;

/// <summary>Feeds articles one by one through a <see cref="StoryWindow"/>, as ingest does: in time order, or shuffled (late arrivals).</summary>
public static class ClusteringWindow
{
    public static IReadOnlyList<IReadOnlyList<int>> Run(StoryClusterer clusterer, IReadOnlyList<ClusterItem> items, int? shuffleSeed = null)
    {
        var order = Enumerable.Range(0, items.Count).OrderBy(i => items[i].Time).ThenBy(i => i).ToList();
        if (shuffleSeed is { } seed)
        {
            var random = new Random(seed);
            order = order.OrderBy(_ => random.Next()).ToList();
        }
        var window = new StoryWindow(clusterer, 1);
        var story = new long[items.Count];
        var mergedInto = new Dictionary<long, long>();
        var latest = DateTimeOffset.MinValue;
        foreach (var i in order)
        {
            // The clock of a replay is the latest article seen.
            if (items[i].Time > latest) window.Evict((latest = items[i].Time) - window.Retention);
            story[i] = window.Add(i + 1, items[i]);
            foreach (var (oldId, newId) in window.TakeChanges().Merges) mergedInto[oldId] = newId;
        }
        return Enumerable.Range(0, items.Count)
            .GroupBy(i => Resolve(story[i]))
            .Select(g => (IReadOnlyList<int>)g.Order().ToList()).ToList();

        long Resolve(long id)
        {
            while (mergedInto.TryGetValue(id, out var next)) id = next;
            return id;
        }
    }
}
