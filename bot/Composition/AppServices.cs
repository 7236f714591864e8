using NewsBrief.Bot.Briefing;
using NewsBrief.Core.Storage;
using NewsBrief.Scrapers.Fetching;
using NewsBrief.Scrapers.Refresh;
using NewsBrief.Summariser.Briefing;
using NewsBrief.Summariser.Extractive;

namespace NewsBrief.Bot.Composition;

/// <summary>The composition root: builds every piece a command needs from the loaded configuration.</summary>
public sealed class AppServices : IDisposable
{
    private readonly HttpClient _http;

    public AppServices(AppConfiguration config, TimeProvider time)
    {
        Config = config;
        Time = time;
        Database = NewsBriefDatabase.Open(config.DataDirectory);
        Articles = new ArticleStore(Database);
        SourceStates = new SourceStateStore(Database);
        Briefs = new BriefStore(Database);
        // The fetcher enforces its own per-request timeout; HttpClient's must not cut in first.
        _http = new HttpClient(HttpFetcher.CreateHandler(config.Fetch)) { Timeout = Timeout.InfiniteTimeSpan };
        Fetcher = new HttpFetcher(_http, config.Fetch, time);
        Refresh = new RefreshPipeline(Fetcher, Articles, SourceStates, config.Fetch, time);
        StorySummariser = new ExtractiveStorySummariser(new ExtractiveSummariser());
        Composer = new BriefComposer(BriefKernel.Create(StorySummariser), time);
        BriefService = new BriefService(config, Articles, Briefs, Composer, time);
    }

    public AppConfiguration Config { get; }
    public TimeProvider Time { get; }
    public NewsBriefDatabase Database { get; }
    public ArticleStore Articles { get; }
    public SourceStateStore SourceStates { get; }
    public BriefStore Briefs { get; }
    public HttpFetcher Fetcher { get; }
    public RefreshPipeline Refresh { get; }
    public IStorySummariser StorySummariser { get; }
    public BriefComposer Composer { get; }
    public BriefService BriefService { get; }

    public void Dispose() => _http.Dispose();
}
