using Microsoft.Extensions.Time.Testing;
using NewsBrief.Core.Storage;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Core.Storage;

/// <summary>Two workers on one store and a fake clock: one leads, a dead leader is replaced after its lease, a stolen lease stops the work.</summary>
public sealed class LeaderLeaseTests : IDisposable
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly LeaseStore _store;

    public LeaderLeaseTests() => _store = new LeaseStore(NewsBriefDatabase.Open(_dir.Path));

    /// <summary>A worker's leader loop and what its work saw.</summary>
    private sealed class Worker
    {
        public required LeaderLease Leader { get; init; }
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Ended { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public CancellationTokenSource Stop { get; } = new();
        public Task Loop { get; set; } = Task.CompletedTask;

        public async Task WorkAsync(CancellationToken ct)
        {
            Started.TrySetResult();
            try { await Task.Delay(Timeout.Infinite, ct); }
            finally { Ended.TrySetResult(); }
        }
    }

    private Worker Start(string id)
    {
        var worker = new Worker { Leader = new LeaderLease(new WorkerLeases(_store, new WorkerIdentity(id), _clock), "gateway", Lease, _clock) };
        worker.Loop = Task.Run(() => worker.Leader.RunAsync(worker.WorkAsync, worker.Stop.Token));
        return worker;
    }

    [Fact]
    public async Task RunAsync_TwoWorkers_OnlyOneRunsTheWork_AndTheOtherTakesOverWhenItStops()
    {
        var a = Start("a");
        await a.Started.Task.WaitAsync(Wait);
        var b = Start("b");
        for (var i = 0; i < 6; i++) await AdvanceAsync(Lease / 3);

        Assert.False(b.Started.Task.IsCompleted);
        Assert.Equal("a", _store.Holder("gateway", _clock.GetUtcNow()));

        await a.Stop.CancelAsync();
        await a.Loop.WaitAsync(Wait);
        await AdvanceUntilAsync(b.Started.Task);

        Assert.Equal("b", _store.Holder("gateway", _clock.GetUtcNow()));
        await b.Stop.CancelAsync();
        await b.Loop.WaitAsync(Wait);
        Assert.Null(_store.Holder("gateway", _clock.GetUtcNow()));
    }

    [Fact]
    public async Task RunAsync_WhileADeadWorkersLeaseRuns_WaitsForItToExpire_ThenTakesOver()
    {
        var start = _clock.GetUtcNow();
        _store.TryAcquire("gateway", "dead-worker", start, start + Lease); // it never renews: killed
        var b = Start("b");

        await AdvanceAsync(Lease - TimeSpan.FromSeconds(1));
        Assert.False(b.Started.Task.IsCompleted);
        await AdvanceUntilAsync(b.Started.Task);

        Assert.True(_clock.GetUtcNow() - start >= Lease);
        Assert.True(_clock.GetUtcNow() - start <= Lease + Lease / 3 + TimeSpan.FromSeconds(1));
        await b.Stop.CancelAsync();
        await b.Loop.WaitAsync(Wait);
    }

    [Fact]
    public async Task RunAsync_WhenAnotherWorkerTookTheLease_CancelsTheWorkAtTheNextRenewal()
    {
        var a = Start("a");
        await a.Started.Task.WaitAsync(Wait);
        // a stalled past its lease and b took it (as after a long pause of a's process).
        _store.Release("gateway", "a");
        Assert.True(_store.TryAcquire("gateway", "b", _clock.GetUtcNow(), _clock.GetUtcNow() + Lease));

        await AdvanceUntilAsync(a.Ended.Task);

        Assert.False(a.Leader.IsLeader);
        Assert.Equal("b", _store.Holder("gateway", _clock.GetUtcNow()));
        await a.Stop.CancelAsync();
        await a.Loop.WaitAsync(Wait);
    }

    /// <summary>Moves the fake clock and lets the loops' continuations run.</summary>
    private async Task AdvanceAsync(TimeSpan by)
    {
        _clock.Advance(by);
        await Task.Delay(100);
    }

    private async Task AdvanceUntilAsync(Task awaited)
    {
        for (var i = 0; i < 40 && !awaited.IsCompleted; i++) await AdvanceAsync(TimeSpan.FromSeconds(1));
        await awaited.WaitAsync(Wait);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
