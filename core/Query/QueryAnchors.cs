namespace NewsBrief.Core.Query;

/// <summary>
/// The index keys of a query: a set of words and prefix buckets such that any document the query
/// matches contains at least one of them. Null when no such set exists (e.g. <c>NOT NOT a</c>).
/// </summary>
internal sealed record QueryAnchors(IReadOnlyList<string> Words, IReadOnlyList<string> Buckets)
{
    /// <summary>Prefix stems are bucketed by their first few letters; documents look up each word's first 2 and 3 letters.</summary>
    public const int BucketLength = 3;

    public static QueryAnchors? Of(QueryNode root)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var buckets = new HashSet<string>(StringComparer.Ordinal);
        return Collect(root, words, buckets) ? new QueryAnchors([.. words], [.. buckets]) : null;
    }

    public static string Bucket(string stem) => stem.Length <= BucketLength ? stem : stem[..BucketLength];

    private static bool Collect(QueryNode node, HashSet<string> words, HashSet<string> buckets)
    {
        switch (node)
        {
            case TermNode t when t.Kind == TermKind.Prefix:
                buckets.Add(Bucket(t.Words[0]));
                return true;
            case TermNode t:
                // Any word of a phrase is needed; the longest is likely the rarest.
                words.Add(t.Words.MaxBy(w => w.Length)!);
                return true;
            case OrNode o:
                // Every branch could be the one that matches, so all need an anchor.
                foreach (var child in o.Children) if (!Collect(child, words, buckets)) return false;
                return true;
            case AndNode a:
                // One needed child suffices; pick the one with the cheapest anchors.
                (HashSet<string> W, HashSet<string> B)? best = null;
                var bestCost = double.MaxValue;
                foreach (var child in a.Children)
                {
                    var w = new HashSet<string>(StringComparer.Ordinal);
                    var b = new HashSet<string>(StringComparer.Ordinal);
                    if (!Collect(child, w, b)) continue;
                    var cost = Cost(w, b);
                    if (cost < bestCost) (best, bestCost) = ((w, b), cost);
                }
                if (best is not { } chosen) return false;
                words.UnionWith(chosen.W);
                buckets.UnionWith(chosen.B);
                return true;
            default:
                return false; // a NOT needs an absent word: nothing to look up
        }
    }

    /// <summary>How many documents a key set is expected to pull in: short words and prefix buckets are common.</summary>
    private static double Cost(HashSet<string> words, HashSet<string> buckets) =>
        words.Sum(w => 1.0 / Math.Max(1, w.Length - 1)) + buckets.Count * 2.0;
}
