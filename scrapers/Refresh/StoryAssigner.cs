using NewsBrief.Core.Domain;
using NewsBrief.Core.Query;
using NewsBrief.Core.Storage;
using NewsBrief.Scrapers.Dedup;

namespace NewsBrief.Scrapers.Refresh;

/// <summary>
/// Assigns each newly stored article to a story: keeps the <see cref="StoryWindow"/> of the recent articles
/// (restored from the store at first use, which also assigns any article left unassigned), feeds it a poll's
/// new articles in time order, and writes its decisions back in one transaction. One at a time: sources are
/// polled in parallel, but a story decision depends on the ones before it. Each story's topics are
/// refiled from its articles' titles and leads whenever it changes. With an <see cref="SentenceEmbedder"/>
/// (<c>Stories:Embeddings</c>), each new article's title and lead are encoded once, stored beside it, and read
/// back when the window is restored; articles stored without a vector are encoded then, once.
/// </summary>
public sealed class StoryAssigner(StoryStore store, StoryClusterer settings, TimeProvider time, TopicClassifier? topics = null, SentenceEmbedder? embedder = null)
{
    /// <summary>Characters of the lead embedded after the title (0: the title alone).</summary>
    public const int EmbeddedLeadChars = 150;

    /// <summary>The key stored beside each vector: the model and the text form, so that a change of either encodes again.</summary>
    public static readonly string VectorModel = $"{SentenceEmbedder.Model}/title+{EmbeddedLeadChars}";

    /// <summary>Characters of an article's text the clusterer reads (it takes the first words of these).</summary>
    public const int LeadChars = 600;

    /// <summary>The similarity an article needs to join a story at ingest (one article against a story's average is looser than batch clustering's).</summary>
    public const double DefaultThreshold = 0.25;

    private readonly object _gate = new();
    private readonly TopicClassifier _topics = topics ?? new TopicClassifier([]);
    private readonly Dictionary<long, IReadOnlyList<TopicHit>> _hits = [];
    private StoryWindow? _window;

    /// <summary>Assigns the articles (just inserted) to stories and stores the result; returns each article's story id.</summary>
    public IReadOnlyDictionary<long, long> Assign(IReadOnlyList<Article> inserted)
    {
        lock (_gate)
        {
            try
            {
                var window = _window ??= Restore();
                window.Evict(time.GetUtcNow() - window.Retention);
                var result = new Dictionary<long, long>();
                var batch = inserted.OrderBy(a => a.DatedAt).ThenBy(a => a.Id)
                    .Select(a => (a.Id, Lead: Lead(a), Article: a)).ToList();
                var items = batch.Select(x => (x.Id, Item(x.Article.Title, x.Lead, x.Article.DatedAt, x.Article.SourceId))).ToList();
                // Articles the window already holds (restored just now) have their vectors; only the others are encoded.
                var vectors = Encode(items.Where(x => window.StoryOf(x.Id) is null).ToList(), out var encoded);
                items = items.Select(x => vectors.TryGetValue(x.Id, out var v) ? (x.Id, x.Item2 with { Vector = v }) : x).ToList();
                window.Expect(items);
                for (var i = 0; i < batch.Count; i++)
                {
                    _hits.TryAdd(batch[i].Id, _topics.Classify(batch[i].Article.Title, batch[i].Lead));
                    result[batch[i].Id] = window.Add(batch[i].Id, items[i].Item2);
                }
                store.Apply(WithTopics(window, window.TakeChanges()) with { Vectors = encoded });
                // A later merge in the same batch may have moved an early article on.
                foreach (var id in result.Keys.ToList()) result[id] = window.StoryOf(id) ?? result[id];
                return result;
            }
            catch
            {
                // What the window holds no longer matches the store: start again from the store next time.
                _window = null;
                throw;
            }
        }
    }

    private StoryWindow Restore()
    {
        var window = new StoryWindow(settings, store.NextId());
        var rows = store.IndexRows(time.GetUtcNow() - window.Retention, LeadChars, embedder is null ? null : VectorModel);
        // A stored vector of another length (a damaged row) is encoded again rather than compared.
        var items = rows.Select(r => (r.ArticleId, Item(r.Title, r.Lead, r.Dated, r.SourceId) with
        {
            Vector = r.Vector is { Length: SentenceEmbedder.Dimensions } ? r.Vector : null,
        })).ToList();
        var vectors = Encode(items.Where(x => x.Item2.Vector is null).ToList(), out var encoded);
        for (var i = 0; i < rows.Count; i++)
        {
            var (row, item) = (rows[i], items[i].Item2);
            if (vectors.TryGetValue(row.ArticleId, out var v)) item = item with { Vector = v };
            _hits[row.ArticleId] = _topics.Classify(row.Title, row.Lead);
            if (row.StoryId is { } id) window.Restore(row.ArticleId, item, id);
            else window.Add(row.ArticleId, item);
        }
        store.Apply(WithTopics(window, window.TakeChanges()) with { Vectors = encoded });
        return window;
    }

    /// <summary>Encodes the articles' title and lead (none without an embedder); <paramref name="stored"/> gets what to store.</summary>
    private Dictionary<long, float[]> Encode(List<(long Id, ClusterItem Item)> articles, out IReadOnlyList<ArticleVector> stored)
    {
        stored = [];
        if (embedder is null || articles.Count == 0) return [];
        var vectors = embedder.Encode(articles.Select(a => SentenceEmbedder.TextOf(a.Item.Title, a.Item.Text, EmbeddedLeadChars)).ToList());
        stored = articles.Select((a, i) => new ArticleVector(a.Id, VectorModel, vectors[i])).ToList();
        return articles.Select((a, i) => (a.Id, vectors[i])).ToDictionary(x => x.Id, x => x.Item2);
    }

    /// <summary>Adds the topics of every story the changes touch, and forgets the hits of articles the window let go.</summary>
    private StoryChanges WithTopics(StoryWindow window, StoryChanges changes)
    {
        if (_hits.Count > 2 * Math.Max(1024, window.Count))
            foreach (var id in _hits.Keys.Where(id => window.StoryOf(id) is null).ToList()) _hits.Remove(id);
        if (_topics.Topics.Count == 0) return changes;
        var filed = changes.Stories
            .Select(s => (s.Id, (IReadOnlyList<string>)_topics.Rank(window.MembersOf(s.Id).Select(a => _hits.GetValueOrDefault(a) ?? []))))
            .ToList();
        return changes with { Topics = filed };
    }

    private static ClusterItem Item(string title, string lead, DateTimeOffset dated, string sourceId) => new(title, lead, dated, sourceId);

    private static string Lead(Article a)
    {
        var text = !string.IsNullOrEmpty(a.Text) ? a.Text : a.Description ?? "";
        return text.Length <= LeadChars ? text : text[..LeadChars];
    }
}
