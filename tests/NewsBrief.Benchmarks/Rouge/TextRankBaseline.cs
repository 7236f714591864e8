namespace NewsBrief.Benchmarks.Rouge;

/// <summary>
/// Plain TextRank (Mihalcea and Tarau 2004) as a baseline: word-overlap similarity normalised by
/// log lengths, PageRank (d = 0.85), the top N sentences in article order. No position, title or redundancy terms.
/// </summary>
public static class TextRankBaseline
{
    public static IReadOnlyList<string> Summarise(IReadOnlyList<string> sentences, int count)
    {
        var words = sentences.Select(s => s.ToLowerInvariant()
            .Split([' ', ',', '.', ';', ':', '!', '?', '"', '\'', '(', ')'], StringSplitOptions.RemoveEmptyEntries).ToList()).ToList();
        var n = sentences.Count;
        var ranks = PageRank(n, (i, j) =>
        {
            if (words[i].Count < 2 || words[j].Count < 2) return 0;
            var overlap = words[i].Distinct().Count(w => words[j].Contains(w));
            return overlap / (Math.Log(words[i].Count) + Math.Log(words[j].Count));
        });
        return Enumerable.Range(0, n).OrderByDescending(i => ranks[i]).ThenBy(i => i).Take(count).Order()
            .Select(i => sentences[i]).ToList();
    }

    private static double[] PageRank(int n, Func<int, int, double> weight)
    {
        var w = new double[n, n];
        var outSum = new double[n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
                if (i != j) outSum[i] += w[i, j] = weight(i, j);
        var rank = Enumerable.Repeat(1.0, n).ToArray();
        for (var iteration = 0; iteration < 100; iteration++)
        {
            var next = new double[n];
            for (var j = 0; j < n; j++)
            {
                var sum = 0.0;
                for (var i = 0; i < n; i++)
                    if (i != j && outSum[i] > 0) sum += w[i, j] / outSum[i] * rank[i];
                next[j] = 0.15 + 0.85 * sum;
            }
            var delta = next.Select((v, i) => Math.Abs(v - rank[i])).Sum();
            rank = next;
            if (delta < 1e-6) break;
        }
        return rank;
    }
}
