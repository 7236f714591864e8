namespace NewsBrief.Core.Domain;

/// <summary>
/// A stored story: the articles of several outlets about one event, grouped when each article was stored.
/// Its id is stable: later articles join it, and when it is merged into another story the old id resolves
/// to the survivor. <see cref="Articles"/> are in time order (oldest first) and are the ones the read asked
/// for (a window, a query), or all of them for a single story.
/// </summary>
public sealed record Story
{
    public required long Id { get; init; }
    /// <summary>The title of its most representative article (the one most similar to the others).</summary>
    public required string Headline { get; init; }
    /// <summary>When its earliest article is dated.</summary>
    public required DateTimeOffset FirstSeen { get; init; }
    /// <summary>When its latest article is dated.</summary>
    public required DateTimeOffset LastUpdated { get; init; }
    public required IReadOnlyList<Article> Articles { get; init; }
    /// <summary>The configured topics it belongs to, the one it is filed under first; empty for "other news".</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    public IReadOnlyList<long> ArticleIds => Articles.Select(a => a.Id).ToList();

    /// <summary>An article that is in no stored story (not yet assigned, or read from a page a user named) as a story of its own, id 0.</summary>
    public static Story Of(Article article) => new()
    {
        Id = 0, Headline = article.Title, FirstSeen = article.DatedAt, LastUpdated = article.DatedAt, Articles = [article],
    };

    /// <summary>Source ids of its articles, each once, in the order they first reported it.</summary>
    public IReadOnlyList<string> Outlets => Articles.Select(a => a.SourceId).Distinct(StringComparer.Ordinal).ToList();
}
