using NewsBrief.Core.Domain;
using NewsBrief.Core.Storage;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Core.Storage;

public sealed class SubscriptionStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly NewsBriefDatabase _db;
    private readonly SubscriptionStore _store;

    public SubscriptionStoreTests()
    {
        _db = NewsBriefDatabase.Open(_dir.Path);
        _store = new SubscriptionStore(_db);
    }

    private Subscription Add(string owner, string query = "tiktok") => _store.Add(new Subscription
    {
        Owner = owner, Query = query, Destination = "console", Created = DateTimeOffset.UnixEpoch,
    });

    [Fact]
    public void Remove_WithAnOwner_RemovesOnlyThatOwnersSubscription()
    {
        var alice = Add("alice");

        Assert.False(_store.Remove(alice.Id, "bob"));
        Assert.True(_store.Remove(alice.Id, "alice"));
        Assert.Null(_store.Get(alice.Id));
    }

    [Fact]
    public void Add_StartsAfterTheNewestStoredArticle()
    {
        new ArticleStore(_db).Upsert([new Article { SourceId = "s", Url = "https://a.example/1", CanonicalUrl = "https://a.example/1", Title = "t", ContentHash = "h" }]);

        var sub = Add("alice");

        Assert.Equal(1, sub.StartAfter);
        Assert.Equal((1, 0), (_store.CountFor("alice"), _store.CountFor("bob")));
        Assert.Equal(sub, Assert.Single(_store.List("alice")));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
