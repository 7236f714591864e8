using NewsBrief.Core.Storage;

namespace NewsBrief.Scrapers.Dedup;

/// <summary>
/// Incremental story assignment over the recent articles, as the refresh pipeline stores them: each new
/// article joins the story whose articles it is most similar to on average (tf-idf over title and lead,
/// cosine, fading with the time between them as <see cref="StoryClusterer.HalfLife"/> says), if that reaches the clusterer's threshold, else starts a story; when it is also close to a
/// second story and the two stories are close to each other, they merge into the older one. The idf is
/// the window's: every article held, whatever a later read selects. Pure and in memory: the caller
/// restores it from the store and writes back what <see cref="TakeChanges"/> returns.
/// </summary>
public sealed class StoryWindow
{
    private readonly StoryClusterer _settings;
    private readonly TermVectoriser _vectoriser;
    private readonly Dictionary<string, int> _termIds = new(StringComparer.Ordinal);
    private readonly List<int> _df = [];
    private readonly List<HashSet<Entry>> _postings = [];
    private readonly Dictionary<long, Group> _stories = [];
    private readonly PriorityQueue<Entry, DateTimeOffset> _byTime = new();
    private readonly Dictionary<long, StoryRow> _dirty = [];
    private readonly List<(long ArticleId, long StoryId)> _assignments = [];
    private readonly List<(long OldId, long NewId)> _merges = [];
    private readonly Dictionary<long, Entry> _held = [];
    private long _nextStoryId;
    private int _count;

    public StoryWindow(StoryClusterer settings, long nextStoryId)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        _settings = settings;
        _vectoriser = new TermVectoriser(settings.LeadWords, settings.TitleWeight, settings.EntityBoost);
        _nextStoryId = nextStoryId;
    }

    /// <summary>Articles are held this long after the latest one seen: twice the window, so a late arrival still finds its story.</summary>
    public TimeSpan Retention => _settings.Window * 2;

    /// <summary>How many articles are held.</summary>
    public int Count => _count;

    /// <summary>
    /// A story's average over this many of its most recent articles decides; a story covered by hundreds of
    /// articles costs no more per new article than one of 50 (the average moves little past that).
    /// </summary>
    public int MaxComparedPerStory { get; init; } = 50;

    /// <summary>Restores an article assigned earlier (no decision is made or recorded).</summary>
    public void Restore(long articleId, ClusterItem item, long storyId)
    {
        if (_held.ContainsKey(articleId)) return;
        var entry = Hold(articleId, item, storyId);
        if (!_stories.TryGetValue(storyId, out var group)) _stories[storyId] = group = new Group(storyId);
        foreach (var member in Sample(group.Members))
        {
            var similarity = Similarity(entry, member);
            member.Centrality += similarity;
            entry.Centrality += similarity;
        }
        group.Members.Add(entry);
        _nextStoryId = Math.Max(_nextStoryId, storyId + 1);
    }

    /// <summary>
    /// Holds articles about to be added (a poll's new articles) so that they count in the idf before any of them is
    /// decided: the first articles of a fresh window are then weighed against the whole batch's vocabulary, not
    /// against the one or two articles held before them (where a company's name looks as rare as any other word).
    /// </summary>
    public void Expect(IEnumerable<(long ArticleId, ClusterItem Item)> articles)
    {
        foreach (var (id, item) in articles)
            if (!_held.ContainsKey(id)) Hold(id, item, 0);
    }

    /// <summary>Assigns a new article; returns its story id (the survivor, if the article brought two stories together).</summary>
    public long Add(long articleId, ClusterItem item)
    {
        if (_held.TryGetValue(articleId, out var known) && known.StoryId != 0) return known.StoryId;
        var entry = known ?? Hold(articleId, item, 0);
        var scores = Candidates(entry)
            .Select(id => (Group: _stories[id], Score: MeanSimilarity(entry, _stories[id].Members)))
            .Where(x => x.Score >= _settings.Threshold)
            .OrderByDescending(x => x.Score).ThenBy(x => x.Group.Id)
            .ToList();
        Group target;
        if (scores.Count == 0)
        {
            target = new Group(_nextStoryId++);
            _stories[target.Id] = target;
        }
        else
        {
            target = scores[0].Group;
        }
        foreach (var member in Sample(target.Members))
        {
            var similarity = Similarity(entry, member);
            member.Centrality += similarity;
            entry.Centrality += similarity;
        }
        target.Members.Add(entry);
        entry.StoryId = target.Id;
        _assignments.Add((articleId, target.Id));
        foreach (var (other, _) in scores.Skip(1))
        {
            if (!_stories.ContainsKey(other.Id) || other == target) continue;
            if (Link(target.Members, other.Members) < _settings.Threshold) continue;
            target = Merge(target, other);
        }
        Touch(target);
        return target.Id;
    }

    /// <summary>The decisions since the last call, for the store to write in one transaction.</summary>
    public StoryChanges TakeChanges()
    {
        var changes = new StoryChanges { Stories = _dirty.Values.ToList(), Assignments = _assignments.ToList(), Merges = _merges.ToList() };
        _dirty.Clear();
        _assignments.Clear();
        _merges.Clear();
        return changes;
    }

    /// <summary>The ids of a story's articles held in the window.</summary>
    public IReadOnlyList<long> MembersOf(long storyId) =>
        _stories.TryGetValue(storyId, out var group) ? group.Members.Select(m => m.ArticleId).ToList() : [];

    /// <summary>The story an article held in the window belongs to now; null when it is not held.</summary>
    public long? StoryOf(long articleId) => _held.TryGetValue(articleId, out var entry) ? entry.StoryId : null;

    private Group Merge(Group a, Group b)
    {
        var (survivor, gone) = a.Id < b.Id ? (a, b) : (b, a);
        foreach (var x in Sample(survivor.Members))
            foreach (var y in Sample(gone.Members))
            {
                var similarity = Similarity(x, y);
                x.Centrality += similarity;
                y.Centrality += similarity;
            }
        foreach (var member in gone.Members) member.StoryId = survivor.Id;
        survivor.Members.AddRange(gone.Members);
        _stories.Remove(gone.Id);
        _dirty.Remove(gone.Id);
        _merges.Add((gone.Id, survivor.Id));
        for (var i = 0; i < _assignments.Count; i++)
            if (_assignments[i].StoryId == gone.Id) _assignments[i] = (_assignments[i].ArticleId, survivor.Id);
        return survivor;
    }

    private void Touch(Group group)
    {
        // One pass, no sort: a story of thousands of articles is touched once per article it gains.
        Entry best = group.Members[0];
        DateTimeOffset first = best.Time, last = best.Time;
        foreach (var m in group.Members)
        {
            if (m.Centrality > best.Centrality || (m.Centrality == best.Centrality && (m.Time, m.ArticleId).CompareTo((best.Time, best.ArticleId)) < 0)) best = m;
            if (m.Time < first) first = m.Time;
            if (m.Time > last) last = m.Time;
        }
        _dirty[group.Id] = new StoryRow(group.Id, best.Title, first, last);
    }

    /// <summary>
    /// At most this many candidate stories are compared per new article: the ones sharing the most idf weight of
    /// distinctive terms with it. Real coverage has a handful of candidates per article; thousands of look-alike
    /// items (a feed farm, a template) would otherwise cost a comparison with every one of them.
    /// </summary>
    public int MaxCandidates { get; init; } = 64;

    /// <summary>
    /// Stories holding an article that shares a distinctive term with the new one: all of them, or the
    /// <see cref="MaxCandidates"/> sharing the most weight (ties: the older story). The tally and the selection reuse
    /// their buffers: a window of look-alike items gives each new article thousands of stories to tally, and sorting
    /// a fresh dictionary of them per article made a 2,000-feed poll with assignment allocate 5x what it did without.
    /// </summary>
    private List<long> Candidates(Entry entry)
    {
        // A term in more than a tenth of the window (and more than 50 articles) says little about the event and
        // would make every article a candidate; it still counts in the cosine, only not in finding candidates.
        var cap = Math.Max(50, _count / 10);
        var stories = _tally;
        stories.Clear();
        foreach (var term in entry.Terms)
        {
            if (_df[term] > cap) continue;
            var idf = Idf(term);
            foreach (var other in _postings[term])
                if (other != entry && other.StoryId != 0 && (other.Time - entry.Time).Duration() <= _settings.Window)
                    stories[other.StoryId] = stories.GetValueOrDefault(other.StoryId) + idf;
        }
        if (stories.Count <= MaxCandidates) return [.. stories.Keys];
        // The heap's head is the weakest of the best so far: least weight, and of equal weights the newest story.
        var best = _best;
        best.Clear();
        foreach (var (id, weight) in stories)
        {
            if (best.Count < MaxCandidates) best.Enqueue(id, (weight, id));
            else if (Weaker(best.Peek(), (weight, id))) best.EnqueueDequeue(id, (weight, id));
        }
        var chosen = new List<long>(best.Count);
        while (best.TryDequeue(out var id, out _)) chosen.Add(id);
        return chosen;

        bool Weaker(long head, (double Weight, long Id) candidate) =>
            WeakestFirst.Compare((stories[head], head), candidate) < 0;
    }

    private static readonly Comparer<(double Weight, long Id)> WeakestFirst = Comparer<(double Weight, long Id)>.Create((a, b) =>
        a.Weight != b.Weight ? a.Weight.CompareTo(b.Weight) : b.Id.CompareTo(a.Id));

    private readonly Dictionary<long, double> _tally = [];
    private readonly PriorityQueue<long, (double Weight, long Id)> _best = new(WeakestFirst);

    private double MeanSimilarity(Entry entry, List<Entry> members)
    {
        var sample = Sample(members);
        var sum = 0.0;
        foreach (var member in sample)
            if ((member.Time - entry.Time).Duration() <= _settings.Window) sum += Similarity(entry, member) * _settings.Decay(entry.Time, member.Time);
        return sample.Count == 0 ? 0 : sum / sample.Count;
    }

    private double Link(List<Entry> a, List<Entry> b)
    {
        var (x, y) = (Sample(a), Sample(b));
        var sum = 0.0;
        foreach (var p in x)
            foreach (var q in y)
                if ((p.Time - q.Time).Duration() <= _settings.Window) sum += Similarity(p, q) * _settings.Decay(p.Time, q.Time);
        return sum / Math.Max(1, x.Count * y.Count);
    }

    /// <summary>The story's most recently added articles, at most <see cref="MaxComparedPerStory"/> (no sort: this runs per candidate).</summary>
    private List<Entry> Sample(List<Entry> members) =>
        members.Count <= MaxComparedPerStory ? members : members.GetRange(members.Count - MaxComparedPerStory, MaxComparedPerStory);

    /// <summary>The lexical cosine, plus the clusterer's share of the sentence vectors' cosine when both articles have one.</summary>
    private double Similarity(Entry a, Entry b)
    {
        var lexical = Cosine(a, b);
        if (_settings.EmbeddingWeight == 0 || a.Vector is null || b.Vector is null) return lexical;
        return lexical + _settings.EmbeddingWeight * SentenceEmbedder.Cosine(a.Vector, b.Vector);
    }

    private double Cosine(Entry a, Entry b)
    {
        double dot = 0;
        int i = 0, j = 0;
        while (i < a.Terms.Length && j < b.Terms.Length)
        {
            var c = a.Terms[i].CompareTo(b.Terms[j]);
            if (c == 0)
            {
                var idf = Idf(a.Terms[i]);
                dot += a.Raw[i++] * b.Raw[j++] * idf * idf;
            }
            else if (c < 0) i++;
            else j++;
        }
        if (dot == 0) return 0;
        return dot / (Norm(a) * Norm(b));
    }

    private double Idf(int term) => Math.Log((1.0 + _count) / (1.0 + _df[term])) + 1.0;

    /// <summary>The vector's length under the current idf; recomputed only when the window has grown or shrunk by a fifth.</summary>
    private double Norm(Entry e)
    {
        if (e.NormAt > 0 && Math.Abs(_count - e.NormAt) * 5 <= e.NormAt) return e.Norm;
        var sum = 0.0;
        for (var i = 0; i < e.Terms.Length; i++)
        {
            var w = e.Raw[i] * Idf(e.Terms[i]);
            sum += w * w;
        }
        e.Norm = sum == 0 ? 1 : Math.Sqrt(sum);
        e.NormAt = _count;
        return e.Norm;
    }

    private Entry Hold(long articleId, ClusterItem item, long storyId)
    {
        var raw = _vectoriser.RawWeights(item);
        var terms = new int[raw.Count];
        var weights = new double[raw.Count];
        var k = 0;
        foreach (var (term, weight) in raw)
        {
            if (!_termIds.TryGetValue(term, out var id))
            {
                _termIds[term] = id = _termIds.Count;
                _df.Add(0);
                _postings.Add([]);
            }
            terms[k] = id;
            weights[k++] = weight;
        }
        Array.Sort(terms, weights);
        var entry = new Entry(articleId, item.Title, item.Time, terms, weights) { StoryId = storyId, Vector = item.Vector };
        foreach (var term in terms)
        {
            _df[term]++;
            _postings[term].Add(entry);
        }
        _count++;
        _held[articleId] = entry;
        _byTime.Enqueue(entry, item.Time);
        return entry;
    }

    /// <summary>
    /// Lets go of the articles dated before <paramref name="before"/> (the caller's clock minus <see cref="Retention"/>):
    /// they no longer count in the idf or as candidates. Driven by the clock, not by article dates, so a feed that
    /// delivers days of backlog at once does not push out what other feeds are about to match.
    /// </summary>
    public void Evict(DateTimeOffset before)
    {
        while (_byTime.TryPeek(out var oldest, out var time) && time < before)
        {
            _byTime.Dequeue();
            foreach (var term in oldest.Terms)
            {
                _df[term]--;
                _postings[term].Remove(oldest);
            }
            _count--;
            _held.Remove(oldest.ArticleId);
            if (_stories.TryGetValue(oldest.StoryId, out var group))
            {
                group.Members.Remove(oldest);
                if (group.Members.Count == 0) _stories.Remove(group.Id);
            }
        }
    }

    private sealed class Entry(long articleId, string title, DateTimeOffset time, int[] terms, double[] raw)
    {
        public long ArticleId { get; } = articleId;
        public string Title { get; } = title;
        public DateTimeOffset Time { get; } = time;
        public int[] Terms { get; } = terms;
        public double[] Raw { get; } = raw;
        public long StoryId { get; set; }
        public float[]? Vector { get; init; }
        public double Centrality { get; set; }
        public double Norm { get; set; }
        public int NormAt { get; set; }
    }

    private sealed class Group(long id)
    {
        public long Id { get; } = id;
        public List<Entry> Members { get; } = [];
    }
}
