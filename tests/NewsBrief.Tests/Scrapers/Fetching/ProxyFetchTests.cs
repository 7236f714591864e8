using NewsBrief.Scrapers.Fetching;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Scrapers.Fetching;

/// <summary>Fetching behind a proxy: Fetch:Proxy and HTTP_PROXY, against a proxy on 127.0.0.1, the private-address guard still on the target.</summary>
public sealed class ProxyFetchTests
{
    private const string Feed = "<rss version=\"2.0\"><channel><title>Wire</title><item><title>Ministers meet</title><link>http://wire.invalid/1</link></item></channel></rss>";

    [Fact]
    public async Task Fetch_WithFetchProxySet_ReachesAHostOnlyTheProxyKnows()
    {
        await using var proxy = new LoopbackProxy();
        proxy.Map("http://wire.invalid/feed.xml", Feed);
        using var factory = new FetcherFactory(new FetchOptions { Proxy = proxy.Url });

        var result = await factory.Fetcher.FetchAsync(new FetchRequest(new Uri("http://wire.invalid/feed.xml")), CancellationToken.None);

        Assert.True(result.IsOk, result.Message);
        Assert.Contains("Ministers meet", result.Body);
        Assert.Equal("GET http://wire.invalid/feed.xml HTTP/1.1", Assert.Single(proxy.RequestLines));
    }

    [Fact]
    public async Task Fetch_OfAUserSuppliedPublicUrlThroughAProxyOnLoopback_IsAllowed()
    {
        // The proxy's own address is private (127.0.0.1); only the target's address is checked.
        await using var proxy = new LoopbackProxy();
        proxy.Map("http://93.184.215.14/article", "<html><body><p>Text</p></body></html>", "text/html");
        using var factory = new FetcherFactory(new FetchOptions { Proxy = proxy.Url });

        var result = await factory.Fetcher.FetchAsync(new FetchRequest(new Uri("http://93.184.215.14/article")) { UserSupplied = true }, CancellationToken.None);

        Assert.True(result.IsOk, result.Message);
        Assert.Equal("GET http://93.184.215.14/article HTTP/1.1", Assert.Single(proxy.RequestLines));
    }

    [Theory]
    [InlineData("http://10.1.2.3/admin")]
    [InlineData("http://127.0.0.1:9/secret")]
    public async Task Fetch_OfAUserSuppliedPrivateUrlThroughAProxy_IsRefusedBeforeTheProxySeesIt(string url)
    {
        await using var proxy = new LoopbackProxy();
        using var factory = new FetcherFactory(new FetchOptions { Proxy = proxy.Url });

        var result = await factory.Fetcher.FetchAsync(new FetchRequest(new Uri(url)) { UserSupplied = true }, CancellationToken.None);

        Assert.Equal(FetchStatus.Refused, result.Status);
        Assert.Contains("user-supplied URLs must resolve to public addresses", result.Message);
        Assert.Empty(proxy.RequestLines);
    }

    [Fact]
    public async Task Poll_WithHttpProxyInTheEnvironment_FetchesTheFeedThroughIt()
    {
        await using var proxy = new LoopbackProxy();
        proxy.Map("http://wire.invalid/feed.xml", Feed);
        using var dir = new TempDirectory();
        var config = new TestConfigFolder(Path.Combine(dir.Path, "config")).WriteSettings().WriteTopics()
            .WriteSources(("wire", new Uri("http://wire.invalid/feed.xml")));

        var result = await CliRun.ProcessAsync(new Dictionary<string, string> { ["HTTP_PROXY"] = proxy.Url.ToString(), ["NO_PROXY"] = "" },
            "poll", "--config", config.Path, "--data", Path.Combine(dir.Path, "data"));

        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        Assert.Contains("GET http://wire.invalid/feed.xml HTTP/1.1", proxy.RequestLines);
        Assert.Matches(@"wire\s.*ok", result.Out);
    }
}
