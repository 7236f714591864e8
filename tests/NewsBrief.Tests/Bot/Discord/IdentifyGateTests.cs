using NewsBrief.Discord;

namespace NewsBrief.Tests.Bot.Discord;

/// <summary>The identify budget guard.</summary>
public sealed class IdentifyGateTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.UnixEpoch;

    [Fact]
    public void DelayBeforeNext_SpacesIdentifiesAndDoublesForEachThatNeverReachedReady()
    {
        var gate = new IdentifyGate(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(15));
        Assert.Equal(TimeSpan.Zero, gate.DelayBeforeNext(T0));

        gate.Sent(T0);
        Assert.Equal(TimeSpan.FromSeconds(5), gate.DelayBeforeNext(T0));
        gate.Sent(T0.AddSeconds(5));
        Assert.Equal(TimeSpan.FromSeconds(10), gate.DelayBeforeNext(T0.AddSeconds(5)));
        gate.Sent(T0.AddSeconds(15));
        Assert.Equal(TimeSpan.FromSeconds(20), gate.DelayBeforeNext(T0.AddSeconds(15)));
    }

    [Fact]
    public void DelayBeforeNext_IsCappedAndResetByReady()
    {
        var gate = new IdentifyGate(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(15));
        for (var i = 0; i < 30; i++) gate.Sent(T0);
        Assert.Equal(TimeSpan.FromMinutes(15), gate.DelayBeforeNext(T0));

        gate.Ready();
        Assert.Equal(TimeSpan.FromSeconds(5), gate.DelayBeforeNext(T0));
    }
}
