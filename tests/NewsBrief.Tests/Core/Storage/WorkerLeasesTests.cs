using Microsoft.Extensions.Time.Testing;
using NewsBrief.Core.Storage;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Core.Storage;

public sealed class WorkerLeasesTests : IDisposable
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly LeaseStore _store;

    public WorkerLeasesTests() => _store = new LeaseStore(NewsBriefDatabase.Open(_dir.Path));

    [Fact]
    public async Task RunHoldingAsync_WhileTheBodyRunsLongerThanTheLease_KeepsRenewingIt_AndReleasesItAfter()
    {
        var a = new WorkerLeases(_store, new WorkerIdentity("a"), _clock);
        var b = new WorkerLeases(_store, new WorkerIdentity("b"), _clock);
        var finish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = a.RunHoldingAsync("schedules", Lease, () => finish.Task);

        var refused = new List<bool>();
        for (var i = 0; i < 9; i++) // 90 s: three leases' worth
        {
            _clock.Advance(TimeSpan.FromSeconds(10));
            refused.Add(!b.TryHold("schedules", Lease));
        }
        finish.SetResult();
        Assert.True(await running);

        Assert.All(refused, Assert.True);
        Assert.Null(_store.Holder("schedules", _clock.GetUtcNow()));
    }

    [Fact]
    public async Task RunHoldingAsync_WhileAnotherWorkerHoldsTheLease_DoesNotRunTheBody()
    {
        var a = new WorkerLeases(_store, new WorkerIdentity("a"), _clock);
        var b = new WorkerLeases(_store, new WorkerIdentity("b"), _clock);
        Assert.True(a.TryHold("schedules", Lease));
        var ran = false;

        Assert.False(await b.RunHoldingAsync("schedules", Lease, () => { ran = true; return Task.CompletedTask; }));
        Assert.False(ran);
        Assert.Equal("a", _store.Holder("schedules", _clock.GetUtcNow()));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
