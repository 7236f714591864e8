using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsBrief.Bot.Composition;
using NewsBrief.Core.Domain;
using NewsBrief.Core.Query;
using NewsBrief.Core.Storage;

namespace NewsBrief.Bot.Web;

/// <summary>An article found by a query, with its snippet (match marks as in <see cref="SearchHit.Snippet"/>).</summary>
public sealed record FoundArticle(Article Article, string Snippet);

/// <summary>What a query found: the page of articles, how many matched among those looked at, and counts per configured topic.</summary>
/// <param name="Capped">True when more articles may match than were looked at (<see cref="ArticleFinder.Candidates"/>).</param>
public sealed record FindResult(IReadOnlyList<FoundArticle> Articles, int Matched, bool Capped, IReadOnlyList<TopicCount> Topics);

/// <summary>How many of the matched articles a configured topic also matches.</summary>
public sealed record TopicCount(string Topic, int Count);

/// <summary>
/// Finds stored articles for a topic query: the full-text index narrows and ranks (bm25, title weighted),
/// then the query language decides exactly (exclusions, <c>source:</c>, whole words), so search, the
/// subscription preview and the feeds all match what an alert would.
/// </summary>
public sealed class ArticleFinder(AppServices services)
{
    /// <summary>Full-text candidates checked per query: bounds the work of a query that matches half the archive.</summary>
    public const int Candidates = 400;

    private readonly ArticleSearch _search = new(services.Database);

    /// <param name="newestFirst">Order by date rather than by rank (feeds, previews).</param>
    public FindResult Find(TopicQuery query, DateTimeOffset from, DateTimeOffset to, int limit, bool newestFirst = false)
    {
        var expression = FullTextExpression.For(query);
        IReadOnlyList<FoundArticle> candidates = expression is null
            // Nothing to give the index (only source: terms): look at the newest articles of the range.
            ? services.Articles.InWindow(from, to, Candidates).Select(a => new FoundArticle(a, Lead(a.BodyOrDescription))).ToList()
            : _search.Search(expression, from, to, Candidates).Select(h => new FoundArticle(h.Article, h.Snippet)).ToList();
        var matched = new List<FoundArticle>();
        var counts = new int[services.Config.Topics.Count];
        foreach (var candidate in candidates)
        {
            var a = candidate.Article;
            var terms = DocumentTerms.From(new QueryDocument(a.Title, a.BodyOrDescription, a.SourceId, services.Sources.NameOf(a.SourceId)));
            if (!query.Matches(terms)) continue;
            matched.Add(candidate);
            for (var t = 0; t < counts.Length; t++)
                if (services.Config.Topics[t].Query.Matches(terms)) counts[t]++;
        }
        IEnumerable<FoundArticle> ordered = newestFirst ? matched.OrderByDescending(f => f.Article.DatedAt).ThenByDescending(f => f.Article.Id) : matched;
        var topics = services.Config.Topics.Select((t, i) => new TopicCount(t.Topic.Name, counts[i])).Where(c => c.Count > 0).ToList();
        return new FindResult(ordered.Take(limit).ToList(), matched.Count, candidates.Count >= Candidates, topics);
    }

    private static string Lead(string text) => text.Length <= 240 ? text : text[..240] + "…";
}
