using NewsBrief.Core.Domain;
using NewsBrief.Core.Query;
using NewsBrief.Core.Storage;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Core.Storage;

/// <summary>The full-text index follows every write to articles, gives the newest matches first, snippets the ones asked, and takes any query text safely.</summary>
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

    private IReadOnlyList<Article> Find(string query, int limit = 10) =>
        _search.Newest(FullTextExpression.For(TopicQuery.Parse(query))!, DateTimeOffset.UnixEpoch, Now, limit);

    [StoreFact]
    public void Matches_ComeNewestFirst_AndSnippetsMarkTheMatchesOfJustTheArticlesAsked()
    {
        _store.Upsert([Make("https://a.example/body", "Parliament debates", "The sanctions bill was debated.", "b")]);
        _store.Upsert([Make("https://a.example/title", "Sanctions bill passes", "Parliament voted.", "t")]);

        var hits = Find("sanctions");
        var snippets = _search.Snippets("\"sanctions\"", [hits[1].Id, hits[0].Id, 999_999]);

        Assert.Equal(["Sanctions bill passes", "Parliament debates"], hits.Select(h => h.Title));
        Assert.Equal(2, snippets.Count);
        Assert.Contains($"{ArticleSearch.MarkStart}sanctions{ArticleSearch.MarkEnd}", snippets[hits[1].Id]);
        Assert.Contains($"{ArticleSearch.MarkStart}Sanctions{ArticleSearch.MarkEnd}", snippets[hits[0].Id]);
    }

    [StoreFact]
    public void AnUpdatedArticle_IsFoundByItsNewText_AndNotByItsOld()
    {
        _store.Upsert([Make("https://a.example/1", "Draft headline", "Early words about tariffs.", "v1")]);
        _store.Upsert([Make("https://a.example/1", "Final headline", "Later words about quotas.", "v2")]);

        Assert.Empty(Find("tariffs"));
        Assert.Equal("Final headline", Assert.Single(Find("quotas")).Title);
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

    [StoreFact]
    public void ACommonWord_GivesItsNewestMatchesInRange_AndADateRangeReachesOlderOnes()
    {
        var old = Make("https://a.example/old", "Sanctions on steel", "An early report.", "old") with { Published = Now.AddDays(-30) };
        _store.Upsert([old]);
        _store.Upsert([.. Enumerable.Range(0, 20).Select(i => Make($"https://b.example/{i}", $"Report {i}", $"Trade news mentions sanctions {i}.", $"n{i}"))]);

        var recent = _search.Newest("\"sanctions\"", DateTimeOffset.UnixEpoch, Now, 5);
        var older = _search.Newest("\"sanctions\"", DateTimeOffset.UnixEpoch, Now.AddDays(-10), 5);

        Assert.Equal(["Report 19", "Report 18", "Report 17", "Report 16", "Report 15"], recent.Select(a => a.Title));
        Assert.Equal(old.Title, Assert.Single(older).Title);
    }

    public void Dispose() => _test.Dispose();
}

public sealed class ArticleSearchSqliteTests() : ArticleSearchTests(StorageProvider.Sqlite);

[PostgresStore]
public sealed class ArticleSearchPostgresTests() : ArticleSearchTests(StorageProvider.Postgres);
