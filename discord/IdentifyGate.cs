namespace NewsBrief.Discord;

/// <summary>
/// Guards Discord's identify budget (1000 a day; going over resets the token): at most one Identify per interval,
/// and the interval doubles for every Identify that did not reach READY, up to a cap. Time is passed in.
/// </summary>
public sealed class IdentifyGate(TimeSpan interval, TimeSpan cap)
{
    private DateTimeOffset? _last;
    private int _unanswered;

    /// <summary>How long to wait before the next Identify may be sent.</summary>
    public TimeSpan DelayBeforeNext(DateTimeOffset now)
    {
        if (_last is not { } last) return TimeSpan.Zero;
        var spacing = interval * Math.Pow(2, Math.Min(_unanswered - 1, 16));
        if (spacing > cap) spacing = cap;
        if (spacing < interval) spacing = interval;
        var wait = last + spacing - now;
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    /// <summary>An Identify was sent now.</summary>
    public void Sent(DateTimeOffset now)
    {
        _last = now;
        _unanswered++;
    }

    /// <summary>READY arrived: the last Identify worked, back to the base interval.</summary>
    public void Ready() => _unanswered = 0;
}
