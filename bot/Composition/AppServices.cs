using NewsBrief.Bot.Briefing;
using NewsBrief.Bot.Configuration;
using NewsBrief.Bot.Events;
using NewsBrief.Bot.Sources;
using NewsBrief.Core.Query;
using NewsBrief.Core.Storage;
using NewsBrief.Scrapers.Fetching;
using NewsBrief.Scrapers.Refresh;
using NewsBrief.Summariser.Briefing;
using NewsBrief.Summariser.Extractive;
using NewsBrief.Summariser.Llm;

namespace NewsBrief.Bot.Composition;

/// <summary>
/// The pipeline's services a command uses, as <see cref="NewsBriefServiceCollectionExtensions.AddNewsBrief"/>
/// registered them: configuration, stores, fetcher, refresh and briefs. Owns nothing; the host disposes.
/// </summary>
public sealed class AppServices(
    AppConfiguration config, TimeProvider time, SourceRegistry sources, NewsBriefDatabase database,
    ArticleStore articles, SourceStateStore sourceStates, BriefStore briefs, HttpFetcher fetcher,
    RefreshPipeline refresh, ExtractiveStorySummariser extractive, StorySummariserFactory summarisers, BriefService briefService,
    StoryStore stories, TopicClassifier topics, EventQuery events,
    BriefOptions brief, ServiceOptions service, SummariserOptions summariser, FetchOptions fetch, WebOptions web, WebOptionsValidator webValidator)
{
    /// <summary>The stored stories (assigned at ingest).</summary>
    public StoryStore Stories { get; } = stories;
    /// <summary>Files stories under the configured topics, and says why.</summary>
    public TopicClassifier Topics { get; } = topics;
    public AppConfiguration Config { get; } = config;
    /// <summary>The validated sections (see <see cref="NewsBrief.Core.Configuration.ValidatedOptions"/>).</summary>
    public BriefOptions Brief { get; } = brief;
    public ServiceOptions Service { get; } = service;
    public SummariserOptions Summariser { get; } = summariser;
    public FetchOptions Fetch { get; } = fetch;
    /// <summary>The Web section, and its validator for an address given on the command line.</summary>
    public WebOptions Web { get; } = web;
    public WebOptionsValidator WebValidator { get; } = webValidator;
    public TimeProvider Time { get; } = time;
    /// <summary>The sources in force (reloaded when chat commands change sources.json).</summary>
    public SourceRegistry Sources { get; } = sources;
    public NewsBriefDatabase Database { get; } = database;
    public ArticleStore Articles { get; } = articles;
    public SourceStateStore SourceStates { get; } = sourceStates;
    public BriefStore Briefs { get; } = briefs;
    public HttpFetcher Fetcher { get; } = fetcher;
    public RefreshPipeline Refresh { get; } = refresh;
    /// <summary>The offline engine; also what an LLM story falls back to.</summary>
    public ExtractiveStorySummariser Extractive { get; } = extractive;

    /// <summary>The configured story summariser, a new one per brief (see <see cref="StorySummariserFactory"/>).</summary>
    public IStorySummariser CreateStorySummariser() => summarisers.Create();
    public BriefService BriefService { get; } = briefService;
    /// <summary>Stored upcoming events, filtered by topic or query.</summary>
    public EventQuery Events { get; } = events;
}
