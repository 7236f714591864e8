using Microsoft.Extensions.Time.Testing;
using NewsBrief.Core.Storage;
using NewsBrief.Scrapers.Fetching;
using NewsBrief.Scrapers.Refresh;

namespace NewsBrief.Tests.Support;

/// <summary>A refresh pipeline over a real SQLite file in a temp folder, a real fetcher and a fake clock.</summary>
public sealed class PipelineFixture : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly HttpClient _http;

    public PipelineFixture(FetchOptions? options = null)
    {
        Options = options ?? new FetchOptions { Timeout = TimeSpan.FromSeconds(30), PageTimeout = TimeSpan.FromSeconds(30), FetchArticlePages = false };
        Database = NewsBriefDatabase.Open(_dir.Path);
        Articles = new ArticleStore(Database);
        States = new SourceStateStore(Database);
        _http = new HttpClient(HttpFetcher.CreateHandler(Options)) { Timeout = Timeout.InfiniteTimeSpan };
        // Fetch timeouts are real network waits; the fake clock drives only the schedules.
        Pipeline = new RefreshPipeline(new HttpFetcher(_http, Options, TimeProvider.System), Articles, States, Options, Clock, new Random(7));
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));
    public FetchOptions Options { get; }
    public NewsBriefDatabase Database { get; }
    public ArticleStore Articles { get; }
    public SourceStateStore States { get; }
    public RefreshPipeline Pipeline { get; }

    public void Dispose()
    {
        _http.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
