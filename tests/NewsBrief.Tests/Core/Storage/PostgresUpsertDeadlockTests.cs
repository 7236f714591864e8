using NewsBrief.Core.Domain;
using NewsBrief.Core.Storage;
using NewsBrief.Tests.Support;
using Npgsql;

namespace NewsBrief.Tests.Core.Storage;

/// <summary>
/// Two workers storing overlapping batches in opposite orders each wait on a row the other inserted: PostgreSQL
/// aborts one as a deadlock's victim. When that is our batch it is stored again, not lost with an exception.
/// </summary>
public sealed class PostgresUpsertDeadlockTests
{
    [PostgresFact]
    public async Task Upsert_ChosenAsADeadlocksVictim_IsStoredAgain_AndNothingIsLostOrDoubled()
    {
        using var pg = TestPostgres.CreateDatabase();
        using var db = NewsBriefDatabase.OpenPostgres(pg.ConnectionString);
        var store = new ArticleStore(db);

        // The other worker: inserts X and keeps its transaction open. It never runs the deadlock check itself
        // (a long deadlock_timeout), so the victim is the batch under test, which waits first.
        await using var other = new NpgsqlConnection(pg.ConnectionString);
        await other.OpenAsync();
        await Execute(other, "SET deadlock_timeout = '10min'");
        await using var otherTx = await other.BeginTransactionAsync();
        await Execute(other, Insert("x"));

        // Our batch stores Y, then waits on the other worker's uncommitted X.
        var ours = Task.Run(() => store.Upsert([Article("y"), Article("x")]));
        await WaitUntilSomeoneWaitsAsync(pg.ConnectionString, 1);
        // The other worker now wants Y, which our batch holds: a deadlock. The server aborts our batch; the other
        // worker's insert of Y then goes through, and it commits both; our second try finds them.
        await Execute(other, Insert("y")).WaitAsync(TimeSpan.FromSeconds(60));
        await otherTx.CommitAsync();
        var outcome = await ours.WaitAsync(TimeSpan.FromSeconds(60));

        // Tried again after the abort: both rows were the other worker's by then.
        Assert.Empty(outcome.Inserted);
        Assert.Equal(2, outcome.Unchanged + outcome.Updated.Count);
        Assert.Equal(2, store.Count());
        Assert.Equal(["https://w.example/x", "https://w.example/y"], store.After(0, 10).Select(a => a.CanonicalUrl).Order());
    }

    private static Article Article(string key) => new()
    {
        SourceId = "wire", Url = $"https://w.example/{key}", CanonicalUrl = $"https://w.example/{key}",
        Title = $"Story {key}", Description = "d", Fetched = DateTimeOffset.UtcNow, ContentHash = $"h-{key}",
    };

    private static string Insert(string key) =>
        "INSERT INTO articles (source_id, url, canonical_url, title, description, fetched, content_hash) " +
        $"VALUES ('wire', 'https://w.example/{key}', 'https://w.example/{key}', 'Story {key}', 'd', 1, 'h-{key}')";

    /// <summary>Polls pg_locks until at least <paramref name="waiters"/> lock requests are not granted.</summary>
    private static async Task WaitUntilSomeoneWaitsAsync(string connectionString, int waiters)
    {
        await using var probe = new NpgsqlConnection(connectionString);
        await probe.OpenAsync();
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            await using var cmd = new NpgsqlCommand("SELECT count(*) FROM pg_locks WHERE NOT granted AND locktype = 'transactionid'", probe);
            if (Convert.ToInt64(await cmd.ExecuteScalarAsync()) >= waiters) return;
            Assert.False(guard.IsCancellationRequested, "our batch never waited on the other worker's uncommitted row");
            await Task.Delay(10, CancellationToken.None); // a probe interval, not a measurement
        }
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }
}
