using NewsBrief.Core.Domain;
using NewsBrief.Core.Storage;
using NewsBrief.Tests.Support;
using Npgsql;

namespace NewsBrief.Tests.Core.Storage;

/// <summary>
/// On PostgreSQL an insert draws its id before its batch commits, so a lower id can become visible after a
/// higher one. A reader of "articles after id N" (the alert scan's watermark) must wait for batches in flight,
/// or it moves past the lower id and never sees it.
/// </summary>
public sealed class PostgresScanWatermarkTests
{
    [PostgresFact]
    public async Task After_WhileALowerIdIsStillUncommitted_WaitsForItsBatch_AndReturnsBoth()
    {
        using var pg = TestPostgres.CreateDatabase();
        using var worker = NewsBriefDatabase.OpenPostgres(pg.ConnectionString);
        using var otherWorker = NewsBriefDatabase.OpenPostgres(pg.ConnectionString);
        var store = new ArticleStore(worker);

        // Another worker's batch in flight: it holds the insert lock as ArticleStore.Upsert does and has drawn an id.
        await using var inFlight = new NpgsqlConnection(pg.ConnectionString);
        await inFlight.OpenAsync();
        await using var batch = await inFlight.BeginTransactionAsync();
        await Execute(inFlight, $"SELECT pg_advisory_xact_lock_shared({ArticleStore.InsertLockKey})");
        var lowerId = Convert.ToInt64(await Scalar(inFlight,
            "INSERT INTO articles (source_id, url, canonical_url, title, fetched, content_hash) " +
            "VALUES ('wire', 'https://w.example/early', 'https://w.example/early', 'Early', 1, 'h-early') RETURNING id"));
        // A later batch commits first with a higher id.
        var higher = new ArticleStore(otherWorker).Upsert([Article("late")]).Inserted.Single();
        Assert.True(higher.Id > lowerId);

        var read = Task.Run(() => store.After(0, 100));
        await WaitUntilWaitingForTheInsertLockAsync(pg.ConnectionString);
        await batch.CommitAsync();
        var seen = await read.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal([lowerId, higher.Id], seen.Select(a => a.Id).ToArray());
    }

    [PostgresFact]
    public void After_WithNoBatchInFlight_ReadsAtOnce_InIdOrder()
    {
        using var pg = TestPostgres.CreateDatabase();
        using var db = NewsBriefDatabase.OpenPostgres(pg.ConnectionString);
        var store = new ArticleStore(db);
        var first = store.Upsert([Article("a"), Article("b")]).Inserted;
        var second = store.Upsert([Article("c")]).Inserted;

        var seen = store.After(first[0].Id, 100).Select(a => a.Id).ToArray();

        Assert.Equal([first[1].Id, second[0].Id], seen);
    }

    private static Article Article(string key) => new()
    {
        SourceId = "wire", Url = $"https://w.example/{key}", CanonicalUrl = $"https://w.example/{key}", Guid = key,
        Title = $"Story {key}", Description = "d", Fetched = DateTimeOffset.UtcNow, ContentHash = $"h-{key}",
    };

    /// <summary>Polls pg_locks until some session waits (not granted) for the insert lock: the reader is blocked on it.</summary>
    private static async Task WaitUntilWaitingForTheInsertLockAsync(string connectionString)
    {
        await using var probe = new NpgsqlConnection(connectionString);
        await probe.OpenAsync();
        var key = ArticleStore.InsertLockKey;
        var sql = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted " +
                  $"AND ((classid::bigint << 32) | objid::bigint) = {key}";
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (Convert.ToInt64(await Scalar(probe, sql)) == 0)
        {
            Assert.False(guard.IsCancellationRequested, "the reader never waited for the in-flight insert batch (it read past the uncommitted lower id)");
            await Task.Yield();
            await Task.Delay(10, CancellationToken.None); // a probe interval, not a measurement
        }
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<object?> Scalar(NpgsqlConnection connection, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        return await cmd.ExecuteScalarAsync();
    }
}
