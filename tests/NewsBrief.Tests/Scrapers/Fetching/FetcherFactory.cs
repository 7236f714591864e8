using NewsBrief.Scrapers.Fetching;

namespace NewsBrief.Tests.Scrapers.Fetching;

/// <summary>A real <see cref="HttpFetcher"/> over the production handler, disposed with the test.</summary>
internal sealed class FetcherFactory : IDisposable
{
    private readonly HttpClient _client;

    public FetcherFactory(FetchOptions? options = null, TimeProvider? time = null, AddressGuard? guard = null)
    {
        Options = options ?? new FetchOptions();
        _client = new HttpClient(HttpFetcher.CreateHandler(Options)) { Timeout = Timeout.InfiniteTimeSpan };
        Fetcher = guard is null
            ? new HttpFetcher(_client, Options, time ?? TimeProvider.System)
            : new HttpFetcher(_client, Options, time ?? TimeProvider.System, guard);
    }

    public FetchOptions Options { get; }

    public HttpFetcher Fetcher { get; }

    public HttpClient Client => _client;

    public void Dispose() => _client.Dispose();
}
