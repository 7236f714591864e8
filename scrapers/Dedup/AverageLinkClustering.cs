namespace NewsBrief.Scrapers.Dedup;

/// <summary>
/// Agglomerative clustering with average linkage over a sparse similarity graph: repeatedly merges the two
/// clusters whose mean pairwise similarity is highest, until none reaches the threshold. Pairs absent from the
/// graph count as 0, so one strong link cannot chain two unrelated groups together as single-link would.
/// Ties are broken by index, so the result depends only on the input.
/// </summary>
internal static class AverageLinkClustering
{
    /// <param name="count">Number of items.</param>
    /// <param name="edges">Similarities of the pairs (i &lt; j) worth considering; every other pair is 0.</param>
    public static IReadOnlyList<IReadOnlyList<int>> Cluster(int count, IEnumerable<(int I, int J, double Similarity)> edges, double threshold)
    {
        var links = new Dictionary<int, double>[count];
        for (var i = 0; i < count; i++) links[i] = [];
        var queue = new PriorityQueue<(int A, int B, int VersionA, int VersionB), (double Negated, int A, int B)>();
        var version = new int[count];
        var size = Enumerable.Repeat(1, count).ToArray();
        var members = Enumerable.Range(0, count).Select(i => new List<int> { i }).ToArray();
        foreach (var (i, j, similarity) in edges)
        {
            links[i][j] = links[i].GetValueOrDefault(j) + similarity;
            links[j][i] = links[j].GetValueOrDefault(i) + similarity;
        }
        for (var i = 0; i < count; i++)
            foreach (var (j, sum) in links[i])
                if (i < j && sum >= threshold) queue.Enqueue((i, j, 0, 0), (-sum, i, j));

        while (queue.TryDequeue(out var pair, out _))
        {
            var (a, b) = (pair.A, pair.B);
            if (members[a] is null || members[b] is null || version[a] != pair.VersionA || version[b] != pair.VersionB) continue;
            // Fold b into a: a's summed similarity to every other cluster gains b's.
            foreach (var (k, sum) in links[b])
            {
                if (k == a) continue;
                links[a][k] = links[a].GetValueOrDefault(k) + sum;
                links[k][a] = links[a][k];
                links[k].Remove(b);
            }
            links[a].Remove(b);
            links[b] = [];
            size[a] += size[b];
            members[a]!.AddRange(members[b]!);
            members[b] = null!;
            version[a]++;
            foreach (var (k, sum) in links[a])
            {
                var average = sum / ((double)size[a] * size[k]);
                if (average < threshold) continue;
                var (lo, hi) = a < k ? (a, k) : (k, a);
                queue.Enqueue((lo, hi, version[lo], version[hi]), (-average, lo, hi));
            }
        }
        return members.Where(m => m is not null).Select(m => (IReadOnlyList<int>)m.Order().ToList()).ToList();
    }
}
