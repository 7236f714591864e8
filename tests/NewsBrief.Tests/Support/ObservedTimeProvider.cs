using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace NewsBrief.Tests.Support;

/// <summary>
/// A fake clock that reports each timer the code under test arms (its due time), so a test can wait until the
/// code is provably waiting, check that nothing happened yet, then advance exactly that far: waits are observed
/// as events on the clock, never by sleeping.
/// </summary>
public sealed class ObservedTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Channel<TimeSpan> _armed = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime != Timeout.InfiniteTimeSpan) _armed.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>The due time of the next timer armed (bounded by a hang guard, not a measurement).</summary>
    public async Task<TimeSpan> NextTimerAsync()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await _armed.Reader.ReadAsync(guard.Token);
    }
}
