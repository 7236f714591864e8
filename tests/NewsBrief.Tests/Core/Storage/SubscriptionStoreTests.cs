using NewsBrief.Core.Domain;
using NewsBrief.Core.Storage;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Core.Storage;

public abstract class SubscriptionStoreTests : IDisposable
{
    private readonly TestStore _test;
    private readonly NewsBriefDatabase _db;
    private readonly SubscriptionStore _store;

    protected SubscriptionStoreTests(StorageProvider provider)
    {
        _test = TestStore.Open(provider);
        _db = _test.Database;
        _store = new SubscriptionStore(_db);
    }

    private Subscription Add(string owner, string query = "tiktok") => _store.Add(new Subscription
    {
        Owner = owner, Query = query, Destination = "console", Created = DateTimeOffset.UnixEpoch,
    });

    [StoreFact]
    public void Remove_WithAnOwner_RemovesOnlyThatOwnersSubscription()
    {
        var alice = Add("alice");

        Assert.False(_store.Remove(alice.Id, "bob"));
        Assert.True(_store.Remove(alice.Id, "alice"));
        Assert.Null(_store.Get(alice.Id));
    }

    [StoreFact]
    public void Add_StartsAfterTheNewestStoredArticle()
    {
        new ArticleStore(_db).Upsert([new Article { SourceId = "s", Url = "https://a.example/1", CanonicalUrl = "https://a.example/1", Title = "t", ContentHash = "h" }]);

        var sub = Add("alice");

        Assert.Equal(1, sub.StartAfter);
        Assert.Equal((1, 0), (_store.CountFor("alice"), _store.CountFor("bob")));
        Assert.Equal(sub, Assert.Single(_store.List("alice")));
    }

    [StoreFact]
    public void AddMany_StoresEachAsAddDoes_InOrder()
    {
        new ArticleStore(_db).Upsert([new Article { SourceId = "s", Url = "https://a.example/1", CanonicalUrl = "https://a.example/1", Title = "t", ContentHash = "h" }]);
        var one = Add("alice", "first");

        var many = _store.AddMany(new[] { "second", "third" }.Select(q => new Subscription
        {
            Owner = "bob", Query = q, Destination = "console", Created = DateTimeOffset.UnixEpoch, Mode = AlertMode.Digest, DailyCap = 7,
        }).ToList());

        Assert.Equal(["second", "third"], many.Select(s => s.Query));
        Assert.All(many, s => Assert.True(s.Id > one.Id));
        Assert.All(many, s => Assert.Equal((1L, AlertMode.Digest, 7), (s.StartAfter, s.Mode, s.DailyCap)));
        Assert.Equal(many, _store.List("bob"));
    }

    public void Dispose() => _test.Dispose();
}

public sealed class SubscriptionStoreSqliteTests() : SubscriptionStoreTests(StorageProvider.Sqlite);

[PostgresStore]
public sealed class SubscriptionStorePostgresTests() : SubscriptionStoreTests(StorageProvider.Postgres);
