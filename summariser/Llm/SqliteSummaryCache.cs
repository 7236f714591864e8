using System.Text.Json;
using Microsoft.Data.Sqlite;
using NewsBrief.Summariser.Briefing;

namespace NewsBrief.Summariser.Llm;

/// <summary>An <see cref="ISummaryCache"/> in a SQLite table <c>summary_cache</c>, created if missing.</summary>
public sealed class SqliteSummaryCache : ISummaryCache
{
    private readonly Func<SqliteConnection> _connect;
    private readonly TimeProvider _time;
    private int _created;

    /// <summary>Opens a new connection from <paramref name="connectionString"/> for each call.</summary>
    public SqliteSummaryCache(string connectionString, TimeProvider? time = null)
        : this(() => new SqliteConnection(connectionString), time) { }

    /// <summary><paramref name="connect"/> returns a new connection (open or not) that this cache disposes.</summary>
    public SqliteSummaryCache(Func<SqliteConnection> connect, TimeProvider? time = null)
    {
        _connect = connect;
        _time = time ?? TimeProvider.System;
    }

    public async Task<StorySummary?> GetAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT summary FROM summary_cache WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        var json = await command.ExecuteScalarAsync(cancellationToken) as string;
        if (json is null) return null;
        try { return JsonSerializer.Deserialize<StorySummary>(json); }
        catch (JsonException) { return null; } // a row written by an older shape is a miss, not a failure
    }

    public async Task SetAsync(string key, StorySummary summary, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO summary_cache (key, summary, created) VALUES ($key, $summary, $created)
            ON CONFLICT(key) DO UPDATE SET summary = excluded.summary, created = excluded.created
            """;
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$summary", JsonSerializer.Serialize(summary));
        command.Parameters.AddWithValue("$created", _time.GetUtcNow().ToString("O"));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = _connect();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(cancellationToken);
        if (Volatile.Read(ref _created) == 0)
        {
            await using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE IF NOT EXISTS summary_cache (key TEXT PRIMARY KEY, summary TEXT NOT NULL, created TEXT NOT NULL)";
            await create.ExecuteNonQueryAsync(cancellationToken); // idempotent, so a race only repeats it
            Volatile.Write(ref _created, 1);
        }
        return connection;
    }
}
