using NewsBrief.Core.Domain;
using NewsBrief.Core.Storage;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Core.Storage;

public abstract class ArticleStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);
    private readonly TestStore _test;
    private readonly NewsBriefDatabase _db;
    private readonly ArticleStore _store;

    protected ArticleStoreTests(StorageProvider provider)
    {
        _test = TestStore.Open(provider);
        _db = _test.Database;
        _store = new ArticleStore(_db);
    }

    private static Article Make(string url, string title = "Title", string hash = "h1", string? guid = null, string source = "s") => new()
    {
        SourceId = source, Url = url, CanonicalUrl = url, Guid = guid, Title = title, Description = "d",
        Published = Now.AddHours(-1), Fetched = Now, ContentHash = hash,
    };

    [StoreFact]
    public void Upsert_SameArticleTwice_StoresItOnce()
    {
        var first = _store.Upsert([Make("https://a.example/1")]);
        var second = _store.Upsert([Make("https://a.example/1")]);

        Assert.Single(first.Inserted);
        Assert.Equal((0, 0, 1), (second.Inserted.Count, second.Updated.Count, second.Unchanged));
        Assert.Equal(1, _store.Count());
    }

    [StoreFact]
    public void Upsert_SameGuidAtAnotherUrl_IsTheSameArticle()
    {
        _store.Upsert([Make("https://a.example/1", guid: "g-1")]);
        var moved = _store.Upsert([Make("https://a.example/1-renamed", title: "New title", hash: "h2", guid: "g-1")]);

        Assert.Single(moved.Updated);
        Assert.Equal(1, _store.Count());
        Assert.Equal("New title", _store.Get(moved.Updated[0].Id)!.Title);
    }

    [StoreFact]
    public void Upsert_ChangedContent_UpdatesInPlaceAndKeepsExtractedText()
    {
        var id = _store.Upsert([Make("https://a.example/1") with { Text = "full text" }]).Inserted[0].Id;
        _store.Upsert([Make("https://a.example/1", title: "Corrected", hash: "h2")]);

        var stored = _store.Get(id)!;
        Assert.Equal(("Corrected", "full text"), (stored.Title, stored.Text));
    }

    [StoreFact]
    public void Upsert_DistinctArticles_AreAllStored()
    {
        var outcome = _store.Upsert([Make("https://a.example/news?id=1"), Make("https://a.example/news?id=2"), Make("https://b.example/1", source: "t")]);

        Assert.Equal(3, outcome.Inserted.Count);
        Assert.Equal(3, outcome.Inserted.Select(a => a.Id).Distinct().Count());
    }

    [StoreFact]
    public void Upsert_SameContentAtAnotherAddress_IsStoredOnce_ButShortNoticesAlikeAreNot()
    {
        var text = "Foreign ministers of both countries met in Geneva on Tuesday and agreed to reopen their embassies by March.";
        var original = Make("https://a.example/geneva", hash: "same") with { Description = text };
        var syndicated = Make("https://b.example/world/geneva-talks", hash: "same", source: "t") with { Description = text };
        var shortA = Make("https://a.example/live", hash: "short") with { Description = "Live updates" };
        var shortB = Make("https://b.example/live", hash: "short", source: "t") with { Description = "Live updates" };

        var outcome = _store.Upsert([original, syndicated, shortA, shortB]);

        Assert.Equal((3, 1), (outcome.Inserted.Count, outcome.Unchanged));
        Assert.DoesNotContain(outcome.Inserted, a => a.Url == "https://b.example/world/geneva-talks");
    }

    [StoreFact]
    public void InWindow_ReturnsArticlesDatedInsideTheWindowNewestFirst()
    {
        _store.Upsert([
            Make("https://a.example/old") with { Published = Now.AddDays(-3) },
            Make("https://a.example/new") with { Published = Now.AddHours(-1) },
            Make("https://a.example/undated") with { Published = null, Fetched = Now.AddHours(-2) },
        ]);

        var window = _store.InWindow(Now.AddDays(-1), Now);

        Assert.Equal(["https://a.example/new", "https://a.example/undated"], window.Select(a => a.Url));
    }

    [StoreFact]
    public void Open_Twice_AppliesMigrationsOnceAndKeepsTheData()
    {
        _store.Upsert([Make("https://a.example/kept")]);

        using (var again = _test.Provider == StorageProvider.Sqlite ? NewsBriefDatabase.Open(_test.DataDirectory) : NewsBriefDatabase.OpenPostgres(_test.ConnectionString!))
        {
            Assert.Equal(Migrations.Latest, again.SchemaVersion());
            Assert.Equal(1, new ArticleStore(again).Count());
        }
        Assert.Equal(Migrations.Latest, _db.SchemaVersion());
        if (_test.Provider != StorageProvider.Sqlite) return;
        using var connection = _db.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string)cmd.ExecuteScalar()!);
    }

    public void Dispose() => _test.Dispose();
}

public sealed class ArticleStoreSqliteTests() : ArticleStoreTests(StorageProvider.Sqlite);

[PostgresStore]
public sealed class ArticleStorePostgresTests() : ArticleStoreTests(StorageProvider.Postgres);
