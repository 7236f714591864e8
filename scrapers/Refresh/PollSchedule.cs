namespace NewsBrief.Scrapers.Refresh;

/// <summary>
/// When to poll a source next: its interval (raised to what the server asks for by max-age or
/// RSS ttl, up to a ceiling) after a success; an escalating, jittered back-off after failures that
/// never gives up. Pure.
/// </summary>
public static class PollSchedule
{
    public static readonly TimeSpan MaxFloor = TimeSpan.FromHours(6);
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(12);

    public static DateTimeOffset AfterSuccess(DateTimeOffset now, TimeSpan interval, TimeSpan? serverFloor, double jitter01)
    {
        var wait = interval;
        if (serverFloor is { } floor && floor > wait) wait = floor < MaxFloor ? floor : MaxFloor;
        return now + wait + Jitter(wait, jitter01);
    }

    /// <summary>Back-off after the <paramref name="failures"/>-th consecutive failure; <paramref name="retryAfter"/> is a floor.</summary>
    public static DateTimeOffset AfterFailure(DateTimeOffset now, TimeSpan interval, int failures, TimeSpan? retryAfter, double jitter01)
    {
        var exponent = Math.Clamp(failures - 1, 0, 10);
        var wait = TimeSpan.FromTicks(Math.Min(interval.Ticks * (1L << exponent), MaxBackoff.Ticks));
        if (retryAfter is { } ra && ra > wait) wait = ra < MaxBackoff * 2 ? ra : MaxBackoff * 2;
        return now + wait + Jitter(wait, jitter01);
    }

    // Up to 10% later, so that sources configured alike do not poll in lockstep.
    private static TimeSpan Jitter(TimeSpan wait, double jitter01) => TimeSpan.FromTicks((long)(wait.Ticks * 0.1 * Math.Clamp(jitter01, 0, 1)));
}
