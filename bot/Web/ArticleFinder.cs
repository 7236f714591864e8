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

/// <summary>An article found by a query, with its snippet (matches between <see cref="ArticleSearch.MarkStart"/> and <see cref="ArticleSearch.MarkEnd"/>).</summary>
public sealed record FoundArticle(Article Article, string Snippet);

/// <summary>What a query found: the page of articles, how many matched among those looked at, and counts per configured topic.</summary>
/// <param name="Capped">True when more articles may match than were looked at (<see cref="ArticleFinder.Candidates"/>).</param>
public sealed record FindResult(IReadOnlyList<FoundArticle> Articles, int Matched, bool Capped, IReadOnlyList<TopicCount> Topics);

/// <summary>How many of the matched articles a configured topic also matches.</summary>
public sealed record TopicCount(string Topic, int Count);

/// <summary>
/// Finds stored articles for a topic query: the full-text index narrows (the newest <see cref="Candidates"/>
/// matches in the range), then the query language decides exactly (exclusions, <c>source:</c>, whole words), so
/// search, the subscription preview and the feeds all match what an alert would; the same split words give the
/// per-topic counts and the ranking (<see cref="Bm25Ranker"/>), and snippets are made only for the page returned.
/// </summary>
public sealed class ArticleFinder(AppServices services)
{
    /// <summary>Full-text candidates checked per query (the newest matches in the range): bounds the work of a query that matches half the archive.</summary>
    public const int Candidates = 200;

    private readonly ArticleSearch _search = new(services.Database);

    /// <param name="newestFirst">Order by date rather than by rank (feeds, previews).</param>
    public FindResult Find(TopicQuery query, DateTimeOffset from, DateTimeOffset to, int limit, bool newestFirst = false)
    {
        var expression = FullTextExpression.For(query);
        // Nothing to give the index (only source: terms): look at the newest articles of the range.
        var candidates = expression is null ? services.Articles.InWindow(from, to, Candidates) : _search.Newest(expression, from, to, Candidates);
        var matched = new List<Article>();
        var matchedTerms = new List<DocumentTerms>();
        var topics = services.Config.Topics;
        var counts = new int[topics.Count];
        foreach (var a in candidates)
        {
            var terms = DocumentTerms.From(new QueryDocument(a.Title, a.BodyOrDescription, a.SourceId, services.Sources.NameOf(a.SourceId)));
            if (!query.Matches(terms)) continue;
            matched.Add(a);
            matchedTerms.Add(terms);
            for (var t = 0; t < counts.Length; t++)
                if (topics[t].Query.Matches(terms)) counts[t]++;
        }
        IEnumerable<int> order = Enumerable.Range(0, matched.Count);
        if (newestFirst) order = order.OrderByDescending(i => matched[i].DatedAt).ThenByDescending(i => matched[i].Id);
        else
        {
            var scores = Bm25Ranker.Score(query, matchedTerms);
            order = order.OrderByDescending(i => scores[i]).ThenByDescending(i => matched[i].Id);
        }
        var page = order.Take(limit).Select(i => matched[i]).ToList();
        var snippets = expression is null ? null : _search.Snippets(expression, page.Select(a => a.Id).ToList());
        var found = page.Select(a => new FoundArticle(a, snippets is not null && snippets.TryGetValue(a.Id, out var s) ? s : Lead(a.BodyOrDescription))).ToList();
        var topicCounts = topics.Select((t, i) => new TopicCount(t.Topic.Name, counts[i])).Where(c => c.Count > 0).ToList();
        return new FindResult(found, matched.Count, candidates.Count >= Candidates, topicCounts);
    }

    private static string Lead(string text) => text.Length <= 240 ? text : text[..240] + "…";
}
