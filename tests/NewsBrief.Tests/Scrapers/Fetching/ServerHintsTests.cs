using Microsoft.Extensions.Time.Testing;
using NewsBrief.Scrapers.Fetching;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Scrapers.Fetching;

public sealed class ServerHintsTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Fetch_When429WithRetryAfterSeconds_ReturnsRateLimitedWithTheDelay()
    {
        await using var server = new LocalHttpServer();
        server.Map("feed", ctx => RawResponse.WriteAsync(ctx, 429, [], ("Retry-After", "120")));
        using var factory = new FetcherFactory();

        var result = await factory.Fetcher.FetchAsync(new FetchRequest(server.Url("feed")), CancellationToken.None);

        Assert.Equal(FetchStatus.RateLimited, result.Status);
        Assert.Equal(TimeSpan.FromMinutes(2), result.RetryAfter);
        Assert.Contains("retry after 120 s", result.Message);
    }

    [Fact]
    public async Task Fetch_When503WithRetryAfterHttpDate_ReturnsRateLimitedMeasuredFromTheInjectedClock()
    {
        await using var server = new LocalHttpServer();
        server.Map("feed", ctx => RawResponse.WriteAsync(ctx, 503, [], ("Retry-After", Now.AddMinutes(10).ToString("R"))));
        using var factory = new FetcherFactory(time: new FakeTimeProvider(Now));

        var result = await factory.Fetcher.FetchAsync(new FetchRequest(server.Url("feed")), CancellationToken.None);

        Assert.Equal(FetchStatus.RateLimited, result.Status);
        Assert.Equal(TimeSpan.FromMinutes(10), result.RetryAfter);
    }

    [Fact]
    public async Task Fetch_ReadsCacheControlMaxAge()
    {
        await using var server = new LocalHttpServer();
        server.Map("feed", ctx => RawResponse.WriteAsync(ctx, 200, "<rss/>"u8.ToArray(), ("Content-Type", "application/rss+xml"), ("Cache-Control", "public, max-age=900")));
        using var factory = new FetcherFactory();

        var result = await factory.Fetcher.FetchAsync(new FetchRequest(server.Url("feed")), CancellationToken.None);

        Assert.Equal(TimeSpan.FromMinutes(15), result.MaxAge);
    }

    [Fact]
    public async Task Fetch_ReadsExpiresRelativeToTheServersDate()
    {
        await using var server = new LocalHttpServer();
        server.Map("feed", ctx => RawResponse.WriteAsync(ctx, 200, "<rss/>"u8.ToArray(), ("Content-Type", "application/rss+xml"),
            ("Date", Now.ToString("R")), ("Expires", Now.AddHours(1).ToString("R"))));
        using var factory = new FetcherFactory(time: new FakeTimeProvider(Now));

        var result = await factory.Fetcher.FetchAsync(new FetchRequest(server.Url("feed")), CancellationToken.None);

        Assert.Equal(TimeSpan.FromHours(1), result.MaxAge);
    }
}
