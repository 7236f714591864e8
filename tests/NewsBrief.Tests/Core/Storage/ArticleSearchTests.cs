using NewsBrief.Core.Domain;
using NewsBrief.Core.Query;
using NewsBrief.Core.Storage;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Core.Storage;

/// <summary>The full-text index follows every write to articles, ranks titles first, and takes any query text safely.</summary>
public abstract class ArticleSearchTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly TestStore _test;
    private readonly NewsBriefDatabase _db;
    private readonly ArticleStore _store;
    private readonly ArticleSearch _search;

    protected ArticleSearchTests(StorageProvider provider)
    {
        _test = TestStore.Open(provider);
        _db = _test.Database;
        _store = new ArticleStore(_db);
        _search = new ArticleSearch(_db);
        // bm25 needs most rows not to match, else every score is about zero.
        _store.Upsert([.. Enumerable.Range(0, 10).Select(i => Make($"https://x.example/{i}", $"Weather report {i}", $"Rain and sun in region {i}.", $"w{i}"))]);
    }

    private static Article Make(string url, string title, string description, string hash) => new()
    {
        SourceId = "s", Url = url, CanonicalUrl = url, Title = title, Description = description,
        Published = Now.AddHours(-1), Fetched = Now, ContentHash = hash,
    };

    private IReadOnlyList<SearchHit> Find(string query) =>
        _search.Search(FullTextExpression.For(TopicQuery.Parse(query))!, DateTimeOffset.UnixEpoch, Now, 10);

    [StoreFact]
    public void ATitleMatch_RanksAboveABodyMatch()
    {
        _store.Upsert([Make("https://a.example/body", "Parliament debates", "The sanctions bill was debated.", "b"), Make("https://a.example/title", "Sanctions bill passes", "Parliament voted.", "t")]);

        var hits = Find("sanctions");

        Assert.Equal(["Sanctions bill passes", "Parliament debates"], hits.Select(h => h.Article.Title));
        Assert.Contains($"{ArticleSearch.MarkStart}sanctions{ArticleSearch.MarkEnd}", hits[1].Snippet);
    }

    [StoreFact]
    public void AnUpdatedArticle_IsFoundByItsNewText_AndNotByItsOld()
    {
        _store.Upsert([Make("https://a.example/1", "Draft headline", "Early words about tariffs.", "v1")]);
        _store.Upsert([Make("https://a.example/1", "Final headline", "Later words about quotas.", "v2")]);

        Assert.Empty(Find("tariffs"));
        Assert.Equal("Final headline", Assert.Single(Find("quotas")).Article.Title);
    }

    [StoreFact]
    public void PrefixesAndPhrases_AreFound_AndQuotesInTheQueryCannotBreakTheSyntax()
    {
        _store.Upsert([Make("https://a.example/1", "AI regulation talks", "Regulators met on \"frontier\" models.", "r")]);

        Assert.Single(Find("regulat*"));
        Assert.Single(Find("\"ai regulation\""));
        Assert.Empty(Find("\"regulation ai\""));
        Assert.Empty(Find("NEAR xyz")); // an FTS5 keyword in the query is a plain word once quoted
    }

    public void Dispose() => _test.Dispose();
}

public sealed class ArticleSearchSqliteTests() : ArticleSearchTests(StorageProvider.Sqlite);

[PostgresStore]
public sealed class ArticleSearchPostgresTests() : ArticleSearchTests(StorageProvider.Postgres);
