namespace NewsBrief.Core.Query;

/// <summary>
/// Many subscription queries, matched against an article without looping over all of them: each
/// query is filed under anchor words (or prefix buckets) the article must contain for it to match,
/// and only the queries filed under the article's words are evaluated. Subscriptions with the same
/// query (up to case, accents and spacing) are evaluated once. Safe for concurrent use.
/// </summary>
public sealed class SubscriptionIndex
{
    private readonly object _gate = new();
    private readonly Dictionary<long, QueryGroup> _groupOf = [];
    private readonly Dictionary<string, QueryGroup> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<QueryGroup>> _byWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<QueryGroup>> _byBucket = new(StringComparer.Ordinal);
    private readonly List<QueryGroup> _unanchored = [];
    private readonly Stack<int> _freeSlots = new();

    // Stamped per Match call so "already evaluated" needs no per-call set.
    private int[] _seen = new int[16];
    private int _slotCount;
    private int _stamp;

    /// <summary>How many subscriptions (ids) the index holds.</summary>
    public int Count
    {
        get { lock (_gate) return _groupOf.Count; }
    }

    /// <summary>Adds a query under <paramref name="id"/>, replacing any query already there.</summary>
    public void Add(long id, TopicQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var key = QueryTree.Canonical(query.Root);
        lock (_gate)
        {
            RemoveLocked(id);
            if (!_groups.TryGetValue(key, out var group))
            {
                group = new QueryGroup(key, query, QueryAnchors.Of(query.Root), NewSlot());
                _groups[key] = group;
                File(group);
            }
            group.Ids.Add(id);
            _groupOf[id] = group;
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
            if (_groups.Count <= doc.Distinct.Count)
            {
                // Fewer queries than the article has words: evaluating them all is cheaper than the look-ups.
                foreach (var group in _groups.Values) Evaluate(group, doc, matched);
            }
            else
            {
                Candidates(doc, matched);
            }
        }
        matched.Sort();
        return matched;
    }

    private void Candidates(DocumentTerms doc, List<long> matched)
    {
        if (++_stamp == int.MaxValue)
        {
            Array.Clear(_seen);
            _stamp = 1;
        }
        var buckets = _byBucket.GetAlternateLookup<ReadOnlySpan<char>>();
        var anyBuckets = _byBucket.Count > 0;
        foreach (var word in doc.Distinct)
        {
            if (_byWord.TryGetValue(word, out var groups)) EvaluateUnseen(groups, doc, matched);
            if (!anyBuckets) continue;
            // A stem "ab*" is filed under "ab", "prohib*" under "pro": look up both lengths.
            for (var length = 2; length <= QueryAnchors.BucketLength && length <= word.Length; length++)
            {
                if (buckets.TryGetValue(word.AsSpan(0, length), out var bucketGroups)) EvaluateUnseen(bucketGroups, doc, matched);
            }
        }
        EvaluateUnseen(_unanchored, doc, matched);
    }

    private void EvaluateUnseen(List<QueryGroup> groups, DocumentTerms doc, List<long> matched)
    {
        foreach (var group in groups)
        {
            if (_seen[group.Slot] == _stamp) continue;
            _seen[group.Slot] = _stamp;
            Evaluate(group, doc, matched);
        }
    }

    private static void Evaluate(QueryGroup group, DocumentTerms doc, List<long> matched)
    {
        if (group.Query.Matches(doc)) matched.AddRange(group.Ids);
    }

    private void File(QueryGroup group)
    {
        if (group.Anchors is null)
        {
            _unanchored.Add(group);
            return;
        }
        foreach (var word in group.Anchors.Words) Posting(_byWord, word).Add(group);
        foreach (var bucket in group.Anchors.Buckets) Posting(_byBucket, bucket).Add(group);
    }

    private int NewSlot()
    {
        if (_freeSlots.Count > 0) return _freeSlots.Pop();
        if (_slotCount == _seen.Length) Array.Resize(ref _seen, _seen.Length * 2);
        return _slotCount++;
    }

    private bool RemoveLocked(long id)
    {
        if (!_groupOf.Remove(id, out var group)) return false;
        group.Ids.Remove(id);
        if (group.Ids.Count > 0) return true;
        _groups.Remove(group.Key);
        if (group.Anchors is null)
        {
            _unanchored.Remove(group);
        }
        else
        {
            foreach (var word in group.Anchors.Words) Unpost(_byWord, word, group);
            foreach (var bucket in group.Anchors.Buckets) Unpost(_byBucket, bucket, group);
        }
        _seen[group.Slot] = 0;
        _freeSlots.Push(group.Slot);
        return true;
    }

    private static List<QueryGroup> Posting(Dictionary<string, List<QueryGroup>> postings, string key)
    {
        if (!postings.TryGetValue(key, out var groups)) postings[key] = groups = [];
        return groups;
    }

    private static void Unpost(Dictionary<string, List<QueryGroup>> postings, string key, QueryGroup group)
    {
        if (!postings.TryGetValue(key, out var groups)) return;
        groups.Remove(group);
        if (groups.Count == 0) postings.Remove(key);
    }

    /// <summary>The subscriptions sharing one query, evaluated once; <see cref="Slot"/> indexes the seen-stamps.</summary>
    private sealed class QueryGroup(string key, TopicQuery query, QueryAnchors? anchors, int slot)
    {
        public string Key { get; } = key;

        public TopicQuery Query { get; } = query;

        public QueryAnchors? Anchors { get; } = anchors;

        public int Slot { get; } = slot;

        public List<long> Ids { get; } = [];
    }
}
