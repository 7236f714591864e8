using NewsBrief.Core.Storage;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Core.Storage;

public sealed class LeaseStoreTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();
    private readonly LeaseStore _store;

    public LeaseStoreTests() => _store = new LeaseStore(NewsBriefDatabase.Open(_dir.Path));

    [Fact]
    public void TryAcquire_WhileAnotherWorkerHoldsIt_FailsUntilItExpires_ThenTheOtherTakesIt()
    {
        Assert.True(_store.TryAcquire("scan", "a", T0, T0.AddMinutes(1)));
        Assert.False(_store.TryAcquire("scan", "b", T0.AddSeconds(59), T0.AddMinutes(2)));
        Assert.Equal("a", _store.Holder("scan", T0.AddSeconds(59)));

        Assert.True(_store.TryAcquire("scan", "b", T0.AddMinutes(1), T0.AddMinutes(2)));
        Assert.False(_store.TryAcquire("scan", "a", T0.AddMinutes(1), T0.AddMinutes(2))); // the old holder's renewal now fails
        Assert.Equal("b", _store.Holder("scan", T0.AddMinutes(1)));
    }

    [Fact]
    public void TryAcquire_ByTheHolder_RenewsIt()
    {
        Assert.True(_store.TryAcquire("scan", "a", T0, T0.AddMinutes(1)));
        Assert.True(_store.TryAcquire("scan", "a", T0.AddSeconds(50), T0.AddMinutes(2)));

        Assert.False(_store.TryAcquire("scan", "b", T0.AddSeconds(90), T0.AddMinutes(3)));
        Assert.Equal("a", _store.Holder("scan", T0.AddSeconds(90)));
    }

    [Fact]
    public void Release_ByTheHolder_FreesItAtOnce_ButNotByAnotherWorker()
    {
        _store.TryAcquire("scan", "a", T0, T0.AddMinutes(1));
        _store.Release("scan", "b");
        Assert.Equal("a", _store.Holder("scan", T0));

        _store.Release("scan", "a");
        Assert.Null(_store.Holder("scan", T0));
        Assert.True(_store.TryAcquire("scan", "b", T0, T0.AddMinutes(1)));
    }

    [Fact]
    public void TryAcquire_OfDifferentNames_AreIndependent()
    {
        Assert.True(_store.TryAcquire("scan", "a", T0, T0.AddMinutes(1)));
        Assert.True(_store.TryAcquire("schedules", "b", T0, T0.AddMinutes(1)));
        Assert.Equal(("a", "b"), (_store.Holder("scan", T0), _store.Holder("schedules", T0)));
    }

    [Fact]
    public async Task TryAcquire_ByManyWorkersAtOnce_IsWonByExactlyOne()
    {
        var wins = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() => _store.TryAcquire("race", $"w{i}", T0, T0.AddMinutes(1)))));
        Assert.Single(wins, w => w);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
