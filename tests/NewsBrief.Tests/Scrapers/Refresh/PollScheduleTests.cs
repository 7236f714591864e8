using NewsBrief.Scrapers.Refresh;

namespace NewsBrief.Tests.Scrapers.Refresh;

public sealed class PollScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(15);

    [Fact]
    public void AfterSuccess_ServerFloorAboveTheInterval_Wins_UpToTheCeiling()
    {
        Assert.Equal(Now + Interval, PollSchedule.AfterSuccess(Now, Interval, null, 0));
        Assert.Equal(Now + TimeSpan.FromHours(1), PollSchedule.AfterSuccess(Now, Interval, TimeSpan.FromHours(1), 0));
        Assert.Equal(Now + PollSchedule.MaxFloor, PollSchedule.AfterSuccess(Now, Interval, TimeSpan.FromDays(3), 0));
    }

    [Fact]
    public void AfterFailure_BackOffDoublesAndIsCapped_ButNeverStops()
    {
        var waits = Enumerable.Range(1, 12).Select(n => PollSchedule.AfterFailure(Now, Interval, n, null, 0) - Now).ToList();

        Assert.Equal([15, 30, 60, 120], waits.Take(4).Select(w => w.TotalMinutes));
        Assert.Equal(PollSchedule.MaxBackoff, waits[^1]);
        Assert.All(waits, w => Assert.True(w > TimeSpan.Zero));
    }

    [Fact]
    public void AfterFailure_RetryAfterIsAFloor()
    {
        Assert.Equal(Now + TimeSpan.FromHours(2), PollSchedule.AfterFailure(Now, Interval, 1, TimeSpan.FromHours(2), 0));
    }

    [Fact]
    public void Jitter_AddsAtMostTenPercent()
    {
        var latest = PollSchedule.AfterSuccess(Now, Interval, null, 1);

        Assert.Equal(Now + Interval + TimeSpan.FromSeconds(90), latest);
    }
}
