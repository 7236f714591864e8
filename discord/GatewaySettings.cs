namespace NewsBrief.Discord;

/// <summary>Gateway timings; defaults follow Discord's rules, tests shrink them.</summary>
public sealed record GatewaySettings
{
    /// <summary>At most one Identify per this interval, so a reconnect loop cannot burn the daily identify budget.</summary>
    public TimeSpan IdentifyInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>After op 9 with d=false, wait a random time in [min, max] before identifying again (Discord: 1-5 s).</summary>
    public TimeSpan InvalidSessionDelayMin { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan InvalidSessionDelayMax { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>First wait after a failed connection attempt; doubles per failure up to <see cref="ReconnectDelayMax"/>.</summary>
    public TimeSpan ReconnectDelay { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan ReconnectDelayMax { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long to wait for Hello after connecting.</summary>
    public TimeSpan HelloTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The receive buffer; small in tests to exercise frame reassembly.</summary>
    public int ReceiveBufferSize { get; init; } = 16 * 1024;
}
