namespace NewsBrief.Core.Storage;

/// <summary>
/// Leadership among the workers sharing a store, through one named lease: <see cref="RunAsync"/> runs the work
/// only while this worker holds the lease, renews it every third of its duration on the clock, and cancels the
/// work when a renewal fails (another worker took the lease after this one stalled, or the store is unreachable).
/// A worker that is not the leader asks again every renewal period, so it takes over within one lease duration
/// of the leader's death; a leader that stops releases the lease, so a successor need not wait that long.
/// </summary>
public sealed class LeaderLease(WorkerLeases leases, string name, TimeSpan duration, TimeProvider time)
{
    public string Name => name;

    public TimeSpan Duration => duration;

    /// <summary>How often the leader renews and a follower asks.</summary>
    public TimeSpan Renewal => duration / 3;

    /// <summary>True while this worker holds the lease and runs the work.</summary>
    public bool IsLeader { get; private set; }

    /// <summary>Told when this worker becomes leader (true) or stops being it (false, with why); for the log.</summary>
    public Action<bool, string>? Changed { get; init; }

    /// <summary>
    /// Until <paramref name="stoppingToken"/> is cancelled: waits for the lease, runs <paramref name="work"/> with a token
    /// cancelled when leadership ends, and waits again. Returns when the work returns on its own; its exceptions propagate.
    /// </summary>
    public async Task RunAsync(Func<CancellationToken, Task> work, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            if (!TryHold())
            {
                if (!await WaitAsync(Renewal, stoppingToken)) return;
                continue;
            }
            using var term = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            IsLeader = true;
            Changed?.Invoke(true, $"holds the '{name}' lease as {leases.Worker}");
            var renewing = RenewAsync(term);
            var lost = false;
            try
            {
                await work(term.Token);
                return; // the work ended by itself (e.g. a fatal refusal): not a leadership matter
            }
            catch (OperationCanceledException) when (term.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
            {
                lost = true;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            finally
            {
                IsLeader = false;
                await term.CancelAsync();
                lost |= await renewing;
                if (!lost) Release();
                Changed?.Invoke(false, lost ? $"lost the '{name}' lease" : $"released the '{name}' lease");
            }
        }
    }

    /// <summary>Renews until cancelled; true when a renewal failed (and the work was cancelled for it).</summary>
    private async Task<bool> RenewAsync(CancellationTokenSource term)
    {
        while (await WaitAsync(Renewal, term.Token))
        {
            if (TryHold()) continue;
            await term.CancelAsync();
            return true;
        }
        return false;
    }

    private bool TryHold()
    {
        try { return leases.TryHold(name, duration); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // An unreachable store means this worker cannot prove it leads: it steps down, and asks again later.
            return false;
        }
    }

    private void Release()
    {
        try { leases.Release(name); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The lease then simply expires.
        }
    }

    private async Task<bool> WaitAsync(TimeSpan wait, CancellationToken ct)
    {
        try
        {
            await Task.Delay(wait, time, ct);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
