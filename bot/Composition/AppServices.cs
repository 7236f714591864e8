using NewsBrief.Bot.Briefing;
using NewsBrief.Bot.Sources;
using NewsBrief.Core.Storage;
using NewsBrief.Scrapers.Fetching;
using NewsBrief.Scrapers.Refresh;
using NewsBrief.Summariser.Briefing;
using NewsBrief.Summariser.Extractive;
using NewsBrief.Summariser.Budget;
using NewsBrief.Summariser.Llm;
using Microsoft.SemanticKernel;

namespace NewsBrief.Bot.Composition;

/// <summary>The composition root: builds every piece a command needs from the loaded configuration.</summary>
public sealed class AppServices : IDisposable
{
    private readonly HttpClient _http;
    private readonly Kernel? _modelKernel;
    private readonly ISummaryCache? _summaryCache;

    public AppServices(AppConfiguration config, TimeProvider time)
    {
        Config = config;
        Time = time;
        Sources = new SourceRegistry(config.ConfigDirectory, config.Sources);
        Database = NewsBriefDatabase.Open(config.DataDirectory);
        Articles = new ArticleStore(Database);
        SourceStates = new SourceStateStore(Database);
        Briefs = new BriefStore(Database);
        // The fetcher enforces its own per-request timeout; HttpClient's must not cut in first.
        _http = new HttpClient(HttpFetcher.CreateHandler(config.Fetch)) { Timeout = Timeout.InfiniteTimeSpan };
        Fetcher = new HttpFetcher(_http, config.Fetch, time);
        Refresh = new RefreshPipeline(Fetcher, Articles, SourceStates, config.Fetch, time);
        Extractive = new ExtractiveStorySummariser(new ExtractiveSummariser());
        if (config.Summariser.UsesModel)
        {
            _modelKernel = SummariserKernelFactory.Create(config.Summariser);
            _summaryCache = new SqliteSummaryCache(Database.Connect, time);
        }
        BriefService = new BriefService(config, Sources, Articles, Briefs, () => new BriefComposer(BriefKernel.Create(CreateStorySummariser()), time), time);
    }

    public AppConfiguration Config { get; }
    public TimeProvider Time { get; }
    /// <summary>The sources in force (reloaded when chat commands change sources.json).</summary>
    public SourceRegistry Sources { get; }
    public NewsBriefDatabase Database { get; }
    public ArticleStore Articles { get; }
    public SourceStateStore SourceStates { get; }
    public BriefStore Briefs { get; }
    public HttpFetcher Fetcher { get; }
    public RefreshPipeline Refresh { get; }
    /// <summary>The offline engine; also what an LLM story falls back to.</summary>
    public ExtractiveStorySummariser Extractive { get; }

    /// <summary>
    /// The configured story summariser: extractive, or the model with the extractive fallback. A new one
    /// per brief, so the brief's token budget starts afresh; the kernel and the cache are shared.
    /// </summary>
    public IStorySummariser CreateStorySummariser() => _modelKernel is null
        ? Extractive
        : new LlmStorySummariser(_modelKernel, Config.Summariser, Extractive, _summaryCache, new BriefTokenBudget(Config.Summariser.MaxTokensPerBrief), Time);
    public BriefService BriefService { get; }

    public void Dispose() => _http.Dispose();
}
