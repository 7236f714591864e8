using NewsBrief.Core.Domain;
using NewsBrief.Core.Storage;
using NewsBrief.Scrapers.Dedup;

namespace NewsBrief.Scrapers.Refresh;

/// <summary>
/// Assigns each newly stored article to a story: keeps the <see cref="StoryWindow"/> of the recent articles
/// (restored from the store at first use, which also assigns any article left unassigned), feeds it a poll's
/// new articles in time order, and writes its decisions back in one transaction. One at a time: sources are
/// polled in parallel, but a story decision depends on the ones before it.
/// </summary>
public sealed class StoryAssigner(StoryStore store, StoryClusterer settings, TimeProvider time)
{
    /// <summary>Characters of an article's text the clusterer reads (it takes the first words of these).</summary>
    public const int LeadChars = 600;

    /// <summary>The similarity an article needs to join a story at ingest (one article against a story's average is looser than batch clustering's).</summary>
    public const double DefaultThreshold = 0.2;

    private readonly object _gate = new();
    private StoryWindow? _window;

    /// <summary>Assigns the articles (just inserted) to stories and stores the result; returns each article's story id.</summary>
    public IReadOnlyDictionary<long, long> Assign(IReadOnlyList<Article> inserted)
    {
        lock (_gate)
        {
            try
            {
                var window = _window ??= Restore();
                var result = new Dictionary<long, long>();
                foreach (var article in inserted.OrderBy(a => a.DatedAt).ThenBy(a => a.Id))
                    result[article.Id] = window.Add(article.Id, Item(article.Title, Lead(article), article.DatedAt, article.SourceId));
                store.Apply(window.TakeChanges());
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
        foreach (var row in store.IndexRows(time.GetUtcNow() - window.Retention, LeadChars))
        {
            var item = Item(row.Title, row.Lead, row.Dated, row.SourceId);
            if (row.StoryId is { } id) window.Restore(row.ArticleId, item, id);
            else window.Add(row.ArticleId, item);
        }
        store.Apply(window.TakeChanges());
        return window;
    }

    private static ClusterItem Item(string title, string lead, DateTimeOffset dated, string sourceId) => new(title, lead, dated, sourceId);

    private static string Lead(Article a)
    {
        var text = !string.IsNullOrEmpty(a.Text) ? a.Text : a.Description ?? "";
        return text.Length <= LeadChars ? text : text[..LeadChars];
    }
}
