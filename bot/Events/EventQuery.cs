using NewsBrief.Bot.Sources;
using NewsBrief.Core.Domain;
using NewsBrief.Core.Query;
using NewsBrief.Core.Storage;

namespace NewsBrief.Bot.Events;

/// <summary>Stored events of a date range, optionally only those whose cited articles match a topic's or an ad-hoc query, with those articles.</summary>
public sealed record EventListing(IReadOnlyList<UpcomingEvent> Events, IReadOnlyDictionary<long, Article> Articles);

/// <summary>
/// Reads upcoming events for briefs, the <c>events</c> command and alerts: the stored events between two days,
/// kept when one of their cited articles matches the filter (the same query language as briefs and alerts).
/// </summary>
public sealed class EventQuery(EventStore events, ArticleStore articles, SourceRegistry sources)
{
    /// <summary>Days listed by <c>events</c> and the calendar feeds when no end day is given.</summary>
    public const int DefaultDays = 14;

    /// <summary>Events listed, at most, by default.</summary>
    public const int DefaultLimit = 200;

    public EventListing Find(DateOnly from, DateOnly to, TopicQuery? filter, int limit = DefaultLimit)
    {
        if (to < from) throw new ArgumentException($"the range ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd})");
        var found = events.Between(from, to, limit: 5000);
        var cited = articles.GetMany(found.SelectMany(e => e.Citations.Select(c => c.ArticleId)).ToHashSet())
            .ToDictionary(a => a.Id);
        var kept = found
            .Where(e => filter is null || e.Citations.Any(c => cited.TryGetValue(c.ArticleId, out var a) && filter.Matches(DocumentTerms.From(Document(a)))))
            .Take(limit)
            .ToList();
        return new EventListing(kept, cited);
    }

    private QueryDocument Document(Article a) => new(a.Title, a.BodyOrDescription, a.SourceId, sources.Find(a.SourceId)?.Name ?? "");
}
