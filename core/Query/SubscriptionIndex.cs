namespace NewsBrief.Core.Query;

/// <summary>
/// Many subscription queries, matched against an article without looping over all of them: each
/// query is filed under anchor words (or prefix buckets) the article must contain for it to match,
/// and only the queries filed under the article's words are evaluated. Safe for concurrent use.
/// </summary>
public sealed class SubscriptionIndex
{
    private readonly object _gate = new();
    private readonly Dictionary<long, (TopicQuery Query, QueryAnchors? Anchors)> _queries = [];
    private readonly Dictionary<string, List<long>> _byWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<long>> _byBucket = new(StringComparer.Ordinal);
    private readonly List<long> _unanchored = [];

    /// <summary>How many queries the index holds.</summary>
    public int Count
    {
        get { lock (_gate) return _queries.Count; }
    }

    /// <summary>Adds a query under <paramref name="id"/>, replacing any query already there.</summary>
    public void Add(long id, TopicQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var anchors = QueryAnchors.Of(query.Root);
        lock (_gate)
        {
            RemoveLocked(id);
            _queries[id] = (query, anchors);
            if (anchors is null)
            {
                _unanchored.Add(id);
                return;
            }
            foreach (var word in anchors.Words) Posting(_byWord, word).Add(id);
            foreach (var bucket in anchors.Buckets) Posting(_byBucket, bucket).Add(id);
        }
    }

    /// <summary>Removes the query under <paramref name="id"/>; false when there was none.</summary>
    public bool Remove(long id)
    {
        lock (_gate) return RemoveLocked(id);
    }

    /// <summary>The ids of the queries the document matches, ascending.</summary>
    public IReadOnlyList<long> Match(QueryDocument doc) => Match(DocumentTerms.From(doc));

    /// <summary>As <see cref="Match(QueryDocument)"/>, for a document already tokenised.</summary>
    public IReadOnlyList<long> Match(DocumentTerms doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var matched = new List<long>();
        lock (_gate)
        {
            var seen = new HashSet<long>();
            var buckets = _byBucket.GetAlternateLookup<ReadOnlySpan<char>>();
            foreach (var word in doc.Distinct)
            {
                if (_byWord.TryGetValue(word, out var ids)) Evaluate(ids, doc, seen, matched);
                // A stem "ab*" is filed under "ab", "prohib*" under "pro": look up both lengths.
                for (var length = 2; length <= QueryAnchors.BucketLength && length <= word.Length; length++)
                {
                    if (buckets.TryGetValue(word.AsSpan(0, length), out var bucketIds)) Evaluate(bucketIds, doc, seen, matched);
                }
            }
            Evaluate(_unanchored, doc, seen, matched);
        }
        matched.Sort();
        return matched;
    }

    private void Evaluate(List<long> ids, DocumentTerms doc, HashSet<long> seen, List<long> matched)
    {
        foreach (var id in ids)
        {
            if (seen.Add(id) && _queries[id].Query.Matches(doc)) matched.Add(id);
        }
    }

    private bool RemoveLocked(long id)
    {
        if (!_queries.Remove(id, out var entry)) return false;
        if (entry.Anchors is null)
        {
            _unanchored.Remove(id);
            return true;
        }
        foreach (var word in entry.Anchors.Words) Unpost(_byWord, word, id);
        foreach (var bucket in entry.Anchors.Buckets) Unpost(_byBucket, bucket, id);
        return true;
    }

    private static List<long> Posting(Dictionary<string, List<long>> postings, string key)
    {
        if (!postings.TryGetValue(key, out var ids)) postings[key] = ids = [];
        return ids;
    }

    private static void Unpost(Dictionary<string, List<long>> postings, string key, long id)
    {
        if (!postings.TryGetValue(key, out var ids)) return;
        ids.Remove(id);
        if (ids.Count == 0) postings.Remove(key);
    }
}
