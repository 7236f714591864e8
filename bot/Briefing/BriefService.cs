using NewsBrief.Bot.Sources;
using NewsBrief.Core.Domain;
using NewsBrief.Core.Query;
using NewsBrief.Core.Storage;
using NewsBrief.Core.Telemetry;
using NewsBrief.Scrapers.Dedup;
using NewsBrief.Summariser.Briefing;
using NewsBrief.Summariser.Llm;
using NewsBrief.Bot.Configuration;
using NewsBrief.Bot.Events;

namespace NewsBrief.Bot.Briefing;

/// <summary>
/// The brief orchestrator: selects the window's articles, filters them by topic or query, groups them
/// into stories across outlets, labels and ranks the stories, has them composed, and records the brief.
/// </summary>
public sealed class BriefService(AppConfiguration config, SourceRegistry sources, ArticleStore articles, BriefStore briefs, Func<BriefComposer> composer, TimeProvider time)
{
    private readonly StoryClusterer _clusterer = new();

    /// <summary>Where the "Coming up" section's events come from; no section when null.</summary>
    public EventQuery? Events { get; init; }

    /// <summary>Where each brief's duration, stories and model cost are counted; none when null.</summary>
    public NewsBriefMetrics? Metrics { get; init; }

    /// <param name="newOnly">Leave out what earlier briefs of the same scope covered; stories with new articles become updates.</param>
    public async Task<Brief> CreateAsync(TimeSpan window, BriefScope scope, bool newOnly, CancellationToken cancellationToken) =>
        (await CreateDocumentedAsync(window, scope, newOnly, cancellationToken)).Brief;

    /// <summary>Creates and records a brief; also returns the JSON document recorded, which the outbox carries as it is.</summary>
    public async Task<(Brief Brief, string Document)> CreateDocumentedAsync(TimeSpan window, BriefScope scope, bool newOnly, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var now = time.GetUtcNow();
        var from = now - window;
        var filter = ResolveFilter(scope);
        var inWindow = articles.InWindow(from, now);
        // Tokenise each article once; every topic query then matches against the same terms.
        var terms = inWindow.ToDictionary(a => a.Id, a => DocumentTerms.From(Document(a)));
        var selected = inWindow.Where(a => filter is null || filter.Value.Query.Matches(terms[a.Id])).ToList();
        var stories = Group(selected, filter?.Label, terms);
        var ranked = StoryRanker.Rank(stories, now, window, config.Brief.MaxStories, config.Brief.MaxStoriesPerTopic);
        var request = new BriefRequest(from, now, ranked)
        {
            AlreadyBriefed = newOnly ? briefs.ArticlesBriefedBefore(scope.Key) : new HashSet<long>(),
        };
        var brief = await composer().ComposeAsync(request, cancellationToken);
        brief = brief with { Upcoming = Upcoming(now, filter?.Query) };
        if (config.Summariser.UsesModel)
            brief = brief with { Engine = brief.Engine with { Model = config.Summariser.Model, Cost = CostEstimate.For(brief.Engine.InputTokens, brief.Engine.OutputTokens, config.Summariser) } };
        Metrics?.RecordBrief(time.GetElapsedTime(started), brief.Stories.Count, brief.Engine.Model ?? "extractive");
        if (brief.Engine.Model is { } model && brief.Engine.Cost is { } cost) Metrics?.RecordModelCost(model, cost);
        var document = Rendering.BriefJsonRenderer.Render(brief, SourceName, indented: false);
        briefs.Save(brief, scope.Key, document);
        return (brief, document);
    }

    /// <summary>The events of the next <see cref="BriefOptions.UpcomingDays"/> days from today in the brief's time zone, in the brief's scope.</summary>
    private IReadOnlyList<BriefEvent> Upcoming(DateTimeOffset now, TopicQuery? filter)
    {
        if (Events is null || config.Brief.UpcomingDays == 0) return [];
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, config.BriefTimeZone).DateTime);
        var listing = Events.Find(today, today.AddDays(config.Brief.UpcomingDays - 1), filter, config.Brief.MaxUpcoming);
        return listing.Events.Select(e => new BriefEvent(e, e.Citations.Select(c => listing.Articles.GetValueOrDefault(c.ArticleId)).OfType<Article>().ToList())).ToList();
    }

    /// <summary>The query of a scope (a configured topic's, or the ad-hoc one) and its label; null for everything.</summary>
    public (TopicQuery Query, string Label)? ResolveFilter(BriefScope scope)
    {
        if (scope.Topic is { } name)
        {
            var match = config.Topics.FirstOrDefault(t => string.Equals(t.Topic.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
            if (match.Topic is null)
            {
                var known = config.Topics.Count == 0 ? "none are configured" : "known: " + string.Join(", ", config.Topics.Select(t => $"\"{t.Topic.Name}\""));
                throw new BriefScopeException($"unknown topic \"{name}\" ({known})");
            }
            return (match.Query, match.Topic.Name);
        }
        if (scope.Query is { } text)
        {
            try { return (TopicQuery.Parse(text), text); }
            catch (QueryParseException e) { throw new BriefScopeException($"bad query \"{text}\": {e.Message}"); }
        }
        return null;
    }

    private List<BriefStoryInput> Group(IReadOnlyList<Article> selected, string? fixedTopic, IReadOnlyDictionary<long, DocumentTerms> terms)
    {
        var items = selected.Select(a => new ClusterItem(a.Title, Lead(a.BodyOrDescription), a.DatedAt, a.SourceId)).ToList();
        return _clusterer.Cluster(items)
            .Select(group => group.Select(i => selected[i]).OrderByDescending(a => a.DatedAt).ThenBy(a => a.Id).ToList())
            .Select(group => new BriefStoryInput(fixedTopic ?? TopicOf(group, terms), group, group[0].StoryId))
            .ToList();
    }

    /// <summary>The configured topic most of the story's articles match; else the source's own topic; else "other".</summary>
    private string TopicOf(IReadOnlyList<Article> story, IReadOnlyDictionary<long, DocumentTerms> terms)
    {
        var best = config.Topics
            .Select((t, order) => (t.Topic.Name, Order: order, Hits: story.Count(a => t.Query.Matches(terms[a.Id]))))
            .Where(x => x.Hits > 0)
            .OrderByDescending(x => x.Hits).ThenBy(x => x.Order)
            .FirstOrDefault();
        if (best.Name is not null) return best.Name;
        var sourceTopic = story.Select(a => sources.Find(a.SourceId)?.Topics.FirstOrDefault())
            .FirstOrDefault(t => t is not null);
        return sourceTopic is null ? config.Brief.OtherTopic : char.ToUpperInvariant(sourceTopic[0]) + sourceTopic[1..];
    }

    private QueryDocument Document(Article a)
    {
        var source = sources.Find(a.SourceId);
        return new QueryDocument(a.Title, a.BodyOrDescription, a.SourceId, source?.Name ?? "");
    }

    /// <summary>The configured name of a source id (the id itself for a source no longer configured).</summary>
    public string SourceName(string sourceId) => sources.NameOf(sourceId);

    private static string Lead(string text) => text.Length <= 600 ? text : text[..600];
}
