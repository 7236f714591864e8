using NewsBrief.Scrapers.Fetching;

namespace NewsBrief.Tests.Scrapers.Fetching;

public sealed class HostConcurrencyLimiterTests
{
    [Fact]
    public async Task Acquire_BeyondTheLimitForOneHost_WaitsUntilALeaseIsReturned()
    {
        var limiter = new HostConcurrencyLimiter(2);
        var first = await limiter.AcquireAsync("example.com:443", CancellationToken.None);
        using var second = await limiter.AcquireAsync("example.com:443", CancellationToken.None);

        var third = limiter.AcquireAsync("example.com:443", CancellationToken.None);
        var otherHost = limiter.AcquireAsync("example.org:443", CancellationToken.None);

        Assert.False(third.IsCompleted);
        Assert.True(otherHost.IsCompletedSuccessfully);
        first.Dispose();
        first.Dispose();
        using var granted = await third;
        Assert.False(limiter.AcquireAsync("example.com:443", CancellationToken.None).IsCompleted);
    }

    [Fact]
    public void Limiter_RejectsAZeroLimit()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new HostConcurrencyLimiter(0));
        Assert.Contains("must be at least 1", error.Message);
    }
}
