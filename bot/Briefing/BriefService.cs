using NewsBrief.Bot.Configuration;
using NewsBrief.Bot.Sources;
using NewsBrief.Core.Domain;
using NewsBrief.Core.Query;
using NewsBrief.Core.Storage;
using NewsBrief.Core.Telemetry;
using NewsBrief.Summariser.Briefing;
using NewsBrief.Summariser.Llm;
using NewsBrief.Bot.Events;

namespace NewsBrief.Bot.Briefing;

/// <summary>
/// The brief orchestrator: reads the window's stored stories, narrows them to a topic (stories filed under it)
/// or a query (each story keeps its matching articles, so the grouping is the stored one restricted), ranks
/// and orders them, has them composed, and records the brief. It never groups articles itself.
/// </summary>
public sealed class BriefService(AppConfiguration config, BriefOptions options, SummariserOptions summariser, SourceRegistry sources, StoryStore stories, BriefStore briefs, TopicClassifier topics, Func<BriefComposer> composer, TimeProvider time)
{
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
        var selected = Select(scope, from, now);
        var limits = new StoryRanking(options.MaxStories, options.MaxStoriesPerTopic, options.MaxOtherStories,
            config.Topics.Select(t => t.Topic.Name).ToList(), options.SectionOrder == "rank");
        var ranked = StoryRanker.Rank(selected, now, window, limits);
        var request = new BriefRequest(from, now, ranked.Stories)
        {
            AlreadyBriefed = newOnly ? briefs.ArticlesBriefedBefore(scope.Key) : new HashSet<long>(),
            Leading = ranked.Leading,
            OtherTopic = options.OtherTopic,
        };
        var brief = await composer().ComposeAsync(request, cancellationToken);
        brief = brief with { Upcoming = Upcoming(now, ResolveFilter(scope)?.Query) };
        if (summariser.UsesModel)
            brief = brief with { Engine = brief.Engine with { Model = summariser.Model, Cost = CostEstimate.For(brief.Engine.InputTokens, brief.Engine.OutputTokens, summariser) } };
        Metrics?.RecordBrief(time.GetElapsedTime(started), brief.Stories.Count, brief.Engine.Model ?? "extractive");
        if (brief.Engine.Model is { } model && brief.Engine.Cost is { } cost) Metrics?.RecordModelCost(model, cost);
        var document = Rendering.BriefJsonRenderer.Render(brief, SourceName, indented: false);
        briefs.Save(brief, scope.Key, document);
        return (brief, document);
    }

    /// <summary>The events of the next <see cref="BriefOptions.UpcomingDays"/> days from today in the brief's time zone, in the brief's scope.</summary>
    private IReadOnlyList<BriefEvent> Upcoming(DateTimeOffset now, TopicQuery? filter)
    {
        if (Events is null || options.UpcomingDays == 0) return [];
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, options.Zone()).DateTime);
        var listing = Events.Find(today, today.AddDays(options.UpcomingDays - 1), filter, options.MaxUpcoming);
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

    /// <summary>
    /// The stored stories of the window in a scope, each filed under its sections: a topic scope keeps the stories
    /// filed under that topic (whole, the topic first); a query keeps each story's matching articles.
    /// </summary>
    public IReadOnlyList<Story> Select(BriefScope scope, DateTimeOffset from, DateTimeOffset to)
    {
        var all = stories.InWindow(from, to).Select(Filed).ToList();
        if (scope.Topic is { } name)
        {
            var topic = config.Topics.FirstOrDefault(t => string.Equals(t.Topic.Name, name.Trim(), StringComparison.OrdinalIgnoreCase)).Topic;
            if (topic is null)
            {
                var known = config.Topics.Count == 0 ? "none are configured" : "known: " + string.Join(", ", config.Topics.Select(t => $"\"{t.Topic.Name}\""));
                throw new BriefScopeException($"unknown topic \"{name}\" ({known})");
            }
            return all.Where(s => s.Topics.Contains(topic.Name))
                .Select(s => s with { Topics = [topic.Name, .. s.Topics.Where(t => t != topic.Name)] }).ToList();
        }
        if (scope.Query is { } text)
        {
            TopicQuery query;
            try { query = TopicQuery.Parse(text); }
            catch (QueryParseException e) { throw new BriefScopeException($"bad query \"{text}\": {e.Message}"); }
            return all.Select(s => s with { Articles = s.Articles.Where(a => query.Matches(Document(a))).ToList() })
                .Where(s => s.Articles.Count > 0).ToList();
        }
        return all;
    }

    /// <summary>
    /// The story with its sections: its stored topics; for a story stored before it had any (or not yet assigned),
    /// the topics of its articles now; failing those, its first source's own topic (a section after the configured ones).
    /// </summary>
    private Story Filed(Story story)
    {
        var filed = story.Topics.Where(t => config.Topics.Any(c => c.Topic.Name == t)).ToList();
        if (filed.Count == 0 && config.Topics.Count > 0)
            filed = topics.Rank(story.Articles.Select(a => topics.Classify(a.Title, Lead(a)))).ToList();
        if (filed.Count == 0)
        {
            var sourceTopic = story.Articles.Select(a => sources.Find(a.SourceId)?.Topics.FirstOrDefault()).FirstOrDefault(t => !string.IsNullOrEmpty(t));
            if (sourceTopic is not null) filed = [char.ToUpperInvariant(sourceTopic[0]) + sourceTopic[1..]];
        }
        return story with { Topics = filed };
    }

    private QueryDocument Document(Article a)
    {
        var source = sources.Find(a.SourceId);
        return new QueryDocument(a.Title, a.BodyOrDescription, a.SourceId, source?.Name ?? "");
    }

    /// <summary>The configured name of a source id (the id itself for a source no longer configured).</summary>
    public string SourceName(string sourceId) => sources.NameOf(sourceId);

    private static string Lead(Article a)
    {
        var text = !string.IsNullOrEmpty(a.Text) ? a.Text : a.Description ?? "";
        return text.Length <= 600 ? text : text[..600];
    }
}
