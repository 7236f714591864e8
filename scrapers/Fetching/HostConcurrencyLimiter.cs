using System.Collections.Concurrent;

namespace NewsBrief.Scrapers.Fetching;

/// <summary>Caps how many requests run at once against one host, so a poll never hammers one site.</summary>
public sealed class HostConcurrencyLimiter(int perHost)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _hosts = new(StringComparer.OrdinalIgnoreCase);

    public int PerHost { get; } = perHost > 0 ? perHost : throw new ArgumentOutOfRangeException(nameof(perHost), perHost, "must be at least 1");

    /// <summary>Waits for a slot on the host; dispose the lease to give it back.</summary>
    public async Task<IDisposable> AcquireAsync(string host, CancellationToken ct)
    {
        var gate = _hosts.GetOrAdd(host, _ => new SemaphoreSlim(PerHost, PerHost));
        await gate.WaitAsync(ct);
        return new Lease(gate);
    }

    private sealed class Lease(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }
}
