namespace NewsBrief.Core.Storage;

/// <summary>
/// The summariser's cache rows (<c>summary_cache</c>: key, the summary as JSON, when it was written). The
/// summariser owns the JSON shape; this store only keeps the text. Both providers; the table comes from the migrations.
/// </summary>
public sealed class SummaryCacheStore(NewsBriefDatabase database)
{
    /// <summary>The cached JSON for the key, or null.</summary>
    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT summary FROM summary_cache WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>Stores (or replaces) the JSON for the key.</summary>
    public async Task SetAsync(string key, string json, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO summary_cache (key, summary, created) VALUES ($key, $summary, $created)
            ON CONFLICT(key) DO UPDATE SET summary = excluded.summary, created = excluded.created
            """;
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$summary", json);
        command.Parameters.AddWithValue("$created", now.ToString("O"));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
