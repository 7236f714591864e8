using Microsoft.Extensions.Time.Testing;
using NewsBrief.Discord;

namespace NewsBrief.Tests.Bot.Discord;

/// <summary>The per-user sliding window.</summary>
public sealed class UserRateLimiterTests
{
    [Fact]
    public void TryAcquire_ThreeAMinute_RefusesTheFourthUntilTheOldestExpires()
    {
        var time = new FakeTimeProvider();
        var limiter = new UserRateLimiter(3, TimeSpan.FromMinutes(1), time);

        Assert.Null(limiter.TryAcquire("u"));
        time.Advance(TimeSpan.FromSeconds(20));
        Assert.Null(limiter.TryAcquire("u"));
        Assert.Null(limiter.TryAcquire("u"));
        Assert.Equal(TimeSpan.FromSeconds(40), limiter.TryAcquire("u"));
        Assert.Null(limiter.TryAcquire("someone else"));

        time.Advance(TimeSpan.FromSeconds(40));
        Assert.Null(limiter.TryAcquire("u"));
    }
}
