using System.IO.Compression;
using Microsoft.Extensions.Time.Testing;
using NewsBrief.Scrapers.Fetching;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Scrapers.Fetching;

public sealed class HttpFetcherTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Fetch_WhenServerSends304ForTheETag_ReturnsNotModifiedWithoutBody()
    {
        await using var server = new LocalHttpServer();
        server.MapContent("feed", "<rss/>", etag: "\"v1\"");
        using var factory = new FetcherFactory();

        var first = await factory.Fetcher.FetchAsync(new FetchRequest(server.Url("feed")), None);
        var second = await factory.Fetcher.FetchAsync(new FetchRequest(server.Url("feed"), first.ETag), None);

        Assert.Equal(FetchStatus.Ok, first.Status);
        Assert.Equal("\"v1\"", first.ETag);
        Assert.Equal(FetchStatus.NotModified, second.Status);
        Assert.Null(second.Body);
        Assert.Equal("not-modified", second.Outcome);
    }

    [Fact]
    public async Task Fetch_SendsADescriptiveUserAgent()
    {
        await using var server = new LocalHttpServer();
        server.MapContent("feed", "<rss/>");
        using var factory = new FetcherFactory();

        await factory.Fetcher.FetchAsync(new FetchRequest(server.Url("feed")), None);

        var agent = Assert.Single(server.Requests).Headers["User-Agent"];
        Assert.Contains("NewsBrief", agent);
        Assert.Contains("+http", agent);
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(303)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task Fetch_FollowsARelativeRedirect_AndReportsTheFinalUrl(int status)
    {
        await using var server = new LocalHttpServer();
        server.Map("old/feed", ctx => RawResponse.RedirectAsync(ctx, status, "../new/feed?x=1"));
        server.MapContent("new/feed", "<rss>moved</rss>");
        using var factory = new FetcherFactory();

        var result = await factory.Fetcher.FetchAsync(new FetchRequest(server.Url("old/feed")), None);

        Assert.Equal(FetchStatus.Ok, result.Status);
        Assert.Equal("<rss>moved</rss>", result.Body);
        Assert.Equal(server.Url("new/feed?x=1"), result.FinalUrl);
        Assert.Equal(server.Url("old/feed"), result.Url);
    }

    [Fact]
    public async Task Fetch_WhenRedirectsLoopPastTheCap_StopsWithAMessageNamingTheCap()
    {
        await using var server = new LocalHttpServer();
        server.Map("loop", ctx => RawResponse.RedirectAsync(ctx, 302, "/loop"));
        using var factory = new FetcherFactory(new FetchOptions { MaxRedirects = 3 });

        var result = await factory.Fetcher.FetchAsync(new FetchRequest(server.Url("loop")), None);

        Assert.Equal(FetchStatus.ServerError, result.Status);
        Assert.Contains("too many redirects (more than 3)", result.Message);
        Assert.Equal(4, server.Requests.Count);
    }

    [Fact]
    public async Task Fetch_WhenARedirectLeadsToAnotherScheme_IsRefused()
    {
        await using var server = new LocalHttpServer();
        server.Map("feed", ctx => RawResponse.RedirectAsync(ctx, 302, "file:///etc/passwd"));
        using var factory = new FetcherFactory();

        var result = await factory.Fetcher.FetchAsync(new FetchRequest(server.Url("feed")), None);

        Assert.Equal(FetchStatus.Refused, result.Status);
        Assert.Contains("only http and https", result.Message);
    }

    [Fact]
    public async Task Fetch_OfAnFtpUrl_IsRefusedWithoutConnecting()
    {
        using var factory = new FetcherFactory();

        var result = await factory.Fetcher.FetchAsync(new FetchRequest(new Uri("ftp://127.0.0.1/feed.xml")), None);

        Assert.Equal(FetchStatus.Refused, result.Status);
        Assert.Contains("'ftp://127.0.0.1/feed.xml'", result.Message);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("br")]
    public async Task Fetch_DecompressesTheBody(string encoding)
    {
        var text = "<rss><channel><title>Compressed</title></channel></rss>";
        await using var server = new LocalHttpServer();
        server.Map("feed", ctx => RawResponse.WriteAsync(ctx, 200, Compress(System.Text.Encoding.UTF8.GetBytes(text), encoding),
            ("Content-Type", "application/rss+xml"), ("Content-Encoding", encoding)));
        using var factory = new FetcherFactory();

        var result = await factory.Fetcher.FetchAsync(new FetchRequest(server.Url("feed")), None);

        Assert.Equal(FetchStatus.Ok, result.Status);
        Assert.Equal(text, result.Body);
    }

    [Fact]
    public async Task Fetch_WhenAGzipBombExpandsPastTheCap_StopsReadingAndSaysTooLarge()
    {
        var bomb = Compress(new byte[32 * 1024 * 1024], "gzip");
        await using var server = new LocalHttpServer();
        server.Map("bomb", ctx => RawResponse.WriteAsync(ctx, 200, bomb, ("Content-Type", "application/xml"), ("Content-Encoding", "gzip")));
        using var factory = new FetcherFactory(new FetchOptions { MaxResponseBytes = 1024 * 1024 });

        var result = await factory.Fetcher.FetchAsync(new FetchRequest(server.Url("bomb")), None);

        Assert.True(bomb.Length < 1024 * 1024, "the compressed bomb itself is under the cap");
        Assert.Equal(FetchStatus.TooLarge, result.Status);
        Assert.Contains("after decompression", result.Message);
        Assert.Null(result.Body);
    }

    [Fact]
    public async Task Fetch_WhenContentLengthIsOverTheCap_SaysTooLargeBeforeReading()
    {
        await using var server = new LocalHttpServer();
        server.Map("big", ctx => RawResponse.WriteAsync(ctx, 200, new byte[4096], ("Content-Type", "application/xml")));
        using var factory = new FetcherFactory(new FetchOptions { MaxResponseBytes = 1024 });

        var result = await factory.Fetcher.FetchAsync(new FetchRequest(server.Url("big")), None);

        Assert.Equal(FetchStatus.TooLarge, result.Status);
        Assert.Contains("4096 bytes", result.Message);
    }

    [Fact]
    public async Task Fetch_WhenTheServerNeverAnswers_TimesOutOnTheInjectedClock()
    {
        var time = new FakeTimeProvider();
        var arrived = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        await using var server = new LocalHttpServer();
        server.Map("slow", async ctx =>
        {
            arrived.TrySetResult();
            await release.Task;
            await LocalHttpServer.WriteAsync(ctx, 200, "late", "text/plain");
        });
        using var factory = new FetcherFactory(time: time);

        var pending = factory.Fetcher.FetchAsync(new FetchRequest(server.Url("slow")) { Timeout = TimeSpan.FromSeconds(7) }, None);
        await arrived.Task;
        time.Advance(TimeSpan.FromSeconds(7));
        var result = await pending;
        release.SetResult();

        Assert.Equal(FetchStatus.Timeout, result.Status);
        Assert.Equal("timed out after 7 s", result.Message);
    }

    [Fact]
    public async Task Fetch_WhenTheCallerCancels_Throws()
    {
        var release = new TaskCompletionSource();
        await using var server = new LocalHttpServer();
        server.Map("slow", async ctx =>
        {
            await release.Task;
            await LocalHttpServer.WriteAsync(ctx, 200, "late", "text/plain");
        });
        using var factory = new FetcherFactory();
        using var cancel = new CancellationTokenSource();

        var pending = factory.Fetcher.FetchAsync(new FetchRequest(server.Url("slow")), cancel.Token);
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        release.SetResult();
    }

    [Fact]
    public async Task Fetch_WhenNothingListensOnThePort_SaysConnectionRefused()
    {
        using var refusing = new RefusingPort();
        var port = refusing.Port;
        using var factory = new FetcherFactory();

        var result = await factory.Fetcher.FetchAsync(new FetchRequest(new Uri($"http://127.0.0.1:{port}/feed")), None);

        Assert.Equal(FetchStatus.NetworkError, result.Status);
        Assert.Equal($"connection refused by 127.0.0.1:{port}", result.Message);
    }

    [Theory]
    [InlineData(404, FetchStatus.NotFound)]
    [InlineData(410, FetchStatus.Gone)]
    [InlineData(403, FetchStatus.Blocked)]
    [InlineData(400, FetchStatus.ClientError)]
    [InlineData(500, FetchStatus.ServerError)]
    [InlineData(503, FetchStatus.ServerError)]
    public async Task Fetch_MapsHttpErrorsToTheClosedSet(int status, FetchStatus expected)
    {
        await using var server = new LocalHttpServer();
        server.MapStatus("feed", status);
        using var factory = new FetcherFactory();

        var result = await factory.Fetcher.FetchAsync(new FetchRequest(server.Url("feed")), None);

        Assert.Equal(expected, result.Status);
        Assert.Equal(status, result.HttpStatus);
        Assert.StartsWith($"HTTP {status}", result.Message);
    }

    internal static byte[] Compress(byte[] data, string encoding)
    {
        using var output = new MemoryStream();
        using (Stream compressor = encoding switch
        {
            "gzip" => new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true),
            "deflate" => new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true),
            _ => new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true),
        })
        {
            compressor.Write(data);
        }
        return output.ToArray();
    }
}
