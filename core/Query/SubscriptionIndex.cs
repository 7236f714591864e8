namespace NewsBrief.Core.Query;

/// <summary>
/// Many subscription queries, matched against an article without looping over all of them: each
/// query is filed under anchor words (or prefix buckets) the article must contain for it to match,
/// and only the queries filed under the article's words are evaluated. Safe for concurrent use.
/// </summary>
public sealed class SubscriptionIndex
{
    private readonly object _gate = new();
    private readonly Dictionary<long, int> _slotOf = [];
    private readonly List<Slot> _slots = [];
    private readonly Stack<int> _free = new();
    private readonly Dictionary<string, List<int>> _byWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byBucket = new(StringComparer.Ordinal);
    private readonly List<int> _unanchored = [];

    // Stamped per Match call so "already evaluated" needs no per-call set.
    private int[] _seen = new int[16];
    private int _stamp;

    /// <summary>How many queries the index holds.</summary>
    public int Count
    {
        get { lock (_gate) return _slotOf.Count; }
    }

    /// <summary>Adds a query under <paramref name="id"/>, replacing any query already there.</summary>
    public void Add(long id, TopicQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var anchors = QueryAnchors.Of(query.Root);
        lock (_gate)
        {
            RemoveLocked(id);
            var slot = _free.Count > 0 ? _free.Pop() : NewSlot();
            _slots[slot] = new Slot(id, query, anchors);
            _slotOf[id] = slot;
            if (anchors is null)
            {
                _unanchored.Add(slot);
                return;
            }
            foreach (var word in anchors.Words) Posting(_byWord, word).Add(slot);
            foreach (var bucket in anchors.Buckets) Posting(_byBucket, bucket).Add(slot);
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
            if (_slotOf.Count <= doc.Distinct.Count)
            {
                // Fewer queries than the article has words: evaluating them all is cheaper than the look-ups.
                foreach (var slot in _slotOf.Values) Evaluate(slot, doc, matched);
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
            if (_byWord.TryGetValue(word, out var slots)) EvaluateUnseen(slots, doc, matched);
            if (!anyBuckets) continue;
            // A stem "ab*" is filed under "ab", "prohib*" under "pro": look up both lengths.
            for (var length = 2; length <= QueryAnchors.BucketLength && length <= word.Length; length++)
            {
                if (buckets.TryGetValue(word.AsSpan(0, length), out var bucketSlots)) EvaluateUnseen(bucketSlots, doc, matched);
            }
        }
        EvaluateUnseen(_unanchored, doc, matched);
    }

    private void EvaluateUnseen(List<int> slots, DocumentTerms doc, List<long> matched)
    {
        foreach (var slot in slots)
        {
            if (_seen[slot] == _stamp) continue;
            _seen[slot] = _stamp;
            Evaluate(slot, doc, matched);
        }
    }

    private void Evaluate(int slot, DocumentTerms doc, List<long> matched)
    {
        var entry = _slots[slot];
        if (entry.Query!.Matches(doc)) matched.Add(entry.Id);
    }

    private int NewSlot()
    {
        _slots.Add(default);
        if (_slots.Count > _seen.Length) Array.Resize(ref _seen, _seen.Length * 2);
        return _slots.Count - 1;
    }

    private bool RemoveLocked(long id)
    {
        if (!_slotOf.Remove(id, out var slot)) return false;
        var anchors = _slots[slot].Anchors;
        if (anchors is null)
        {
            _unanchored.Remove(slot);
        }
        else
        {
            foreach (var word in anchors.Words) Unpost(_byWord, word, slot);
            foreach (var bucket in anchors.Buckets) Unpost(_byBucket, bucket, slot);
        }
        _slots[slot] = default;
        _free.Push(slot);
        return true;
    }

    private static List<int> Posting(Dictionary<string, List<int>> postings, string key)
    {
        if (!postings.TryGetValue(key, out var slots)) postings[key] = slots = [];
        return slots;
    }

    private static void Unpost(Dictionary<string, List<int>> postings, string key, int slot)
    {
        if (!postings.TryGetValue(key, out var slots)) return;
        slots.Remove(slot);
        if (slots.Count == 0) postings.Remove(key);
    }

    private readonly record struct Slot(long Id, TopicQuery? Query, QueryAnchors? Anchors);
}
