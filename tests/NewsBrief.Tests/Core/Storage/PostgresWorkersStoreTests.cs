using NewsBrief.Core.Domain;
using NewsBrief.Core.Storage;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Core.Storage;

/// <summary>Workers sharing one PostgreSQL store (each its own process, so no shared in-process write lock) never collide on an article.</summary>
public sealed class PostgresWorkersStoreTests
{
    [PostgresFact]
    public async Task FourWorkersStoringTheSameArticlesAtOnce_StoreEachOnce_AndNoneFails()
    {
        using var pg = TestPostgres.CreateDatabase();
        var workers = Enumerable.Range(0, 4).Select(_ => NewsBriefDatabase.OpenPostgres(pg.ConnectionString)).ToList();
        var now = DateTimeOffset.UtcNow;
        var batch = Enumerable.Range(0, 200).Select(i => new Article
        {
            SourceId = "wire", Url = $"https://w.example/{i}", CanonicalUrl = $"https://w.example/{i}", Guid = $"g{i}",
            Title = $"Story {i}", Description = "d", Fetched = now, ContentHash = $"h{i}",
        }).ToList();
        using var start = new Barrier(workers.Count);

        var outcomes = await Task.WhenAll(workers.Select(db => Task.Run(() =>
        {
            start.SignalAndWait();
            return new ArticleStore(db).Upsert(batch);
        })));

        Assert.Equal(200, outcomes.Sum(o => o.Inserted.Count));
        Assert.All(outcomes, o => Assert.Equal(200, o.Inserted.Count + o.Unchanged + o.Updated.Count));
        Assert.Equal(200, new ArticleStore(workers[0]).Count());
        workers.ForEach(w => w.Dispose());
    }
}
