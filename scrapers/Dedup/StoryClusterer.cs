using System.Text.RegularExpressions;

namespace NewsBrief.Scrapers.Dedup;

/// <summary>An article as the clusterer sees it.</summary>
public sealed record ClusterItem(string Title, string Text, DateTimeOffset Time, string SourceId);

/// <summary>
/// Groups articles about the same event into stories. Pure. Placeholder: single-link grouping on
/// title word overlap (Jaccard of content words) within a time window.
/// </summary>
public sealed partial class StoryClusterer
{
    public TimeSpan Window { get; init; } = TimeSpan.FromDays(3);
    public double Threshold { get; init; } = 0.5;

    /// <summary>Returns the groups as lists of indexes into <paramref name="items"/>; every index appears once.</summary>
    public IReadOnlyList<IReadOnlyList<int>> Cluster(IReadOnlyList<ClusterItem> items)
    {
        var words = items.Select(i => Words(i.Title)).ToList();
        var parent = Enumerable.Range(0, items.Count).ToArray();
        int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        for (var a = 0; a < items.Count; a++)
            for (var b = a + 1; b < items.Count; b++)
            {
                if ((items[a].Time - items[b].Time).Duration() > Window) continue;
                if (Jaccard(words[a], words[b]) >= Threshold) parent[Find(a)] = Find(b);
            }
        return Enumerable.Range(0, items.Count).GroupBy(Find).Select(g => (IReadOnlyList<int>)g.ToList()).ToList();
    }

    private static HashSet<string> Words(string text) =>
        WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).Where(w => w.Length > 3).ToHashSet();

    private static double Jaccard(HashSet<string> a, HashSet<string> b) =>
        a.Count == 0 || b.Count == 0 ? 0 : (double)a.Intersect(b).Count() / a.Union(b).Count();

    [GeneratedRegex(@"\w+")]
    private static partial Regex WordPattern();
}
