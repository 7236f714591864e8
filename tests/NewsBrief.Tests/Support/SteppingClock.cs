namespace NewsBrief.Tests.Support;

/// <summary>A clock that moves forward by a fixed step every time it is read: work that reads it often "takes long" without any real wait.</summary>
public sealed class SteppingClock(TimeSpan step) : TimeProvider
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);
    private long _ticks;

    public int Readings { get; private set; }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp()
    {
        Readings++;
        return _ticks += step.Ticks;
    }

    public override DateTimeOffset GetUtcNow() => Start + TimeSpan.FromTicks(_ticks);
}
