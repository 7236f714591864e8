namespace NewsBrief.Core.Storage;

/// <summary>
/// This worker's named leases: <see cref="LeaseStore"/> with the worker's identity and clock filled in. The names
/// of the leases the service uses are here, so every worker asks for the same ones.
/// </summary>
public sealed class WorkerLeases(LeaseStore store, WorkerIdentity worker, TimeProvider time)
{
    /// <summary>One worker scans new articles for alerts at a time.</summary>
    public const string AlertScan = "alert-scan";

    /// <summary>One worker composes the due scheduled briefs at a time.</summary>
    public const string Schedules = "schedules";

    /// <summary>The one worker that holds the Discord gateway session.</summary>
    public const string DiscordGateway = "discord-gateway";

    public WorkerIdentity Worker => worker;

    public LeaseStore Store => store;

    /// <summary>Takes or renews the lease for <paramref name="duration"/> from now; false while another worker holds it.</summary>
    public bool TryHold(string name, TimeSpan duration)
    {
        var now = time.GetUtcNow();
        return store.TryAcquire(name, worker.Id, now, now + duration);
    }

    public void Release(string name) => store.Release(name, worker.Id);

    /// <summary>Runs <paramref name="body"/> when the lease can be taken, and releases it after; false (body not run) while another worker holds it.</summary>
    public async Task<bool> RunHoldingAsync(string name, TimeSpan duration, Func<Task> body)
    {
        if (!TryHold(name, duration)) return false;
        try { await body(); }
        finally { Release(name); }
        return true;
    }
}
