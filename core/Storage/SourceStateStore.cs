using System.Data.Common;
using NewsBrief.Core.Domain;

namespace NewsBrief.Core.Storage;

/// <summary>Per-source polling state: validators, timing, failures and the last error.</summary>
public sealed class SourceStateStore(NewsBriefDatabase database)
{
    private const string Columns = "source_id, etag, last_modified, last_polled, last_success, next_poll, failures, last_error, last_outcome";

    public SourceState? Get(string sourceId)
    {
        using var connection = database.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT {Columns}, (SELECT COUNT(*) FROM articles a WHERE a.source_id = s.source_id) FROM source_state s WHERE source_id = $id";
        cmd.Parameters.AddWithValue("$id", sourceId);
        using var reader = cmd.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }

    public IReadOnlyDictionary<string, SourceState> GetAll()
    {
        using var connection = database.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT {Columns}, COALESCE(c.n, 0) FROM source_state s LEFT JOIN (SELECT source_id AS id, COUNT(*) AS n FROM articles GROUP BY source_id) c ON c.id = s.source_id";
        using var reader = cmd.ExecuteReader();
        var all = new Dictionary<string, SourceState>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var state = Read(reader);
            all[state.SourceId] = state;
        }
        return all;
    }

    public void Save(SourceState state)
    {
        lock (database.WriteLock) SaveLocked(state);
    }

    private void SaveLocked(SourceState state)
    {
        using var connection = database.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"""
            INSERT INTO source_state ({Columns}) VALUES ($id, $etag, $lm, $polled, $success, $next, $failures, $error, $outcome)
            ON CONFLICT(source_id) DO UPDATE SET etag = $etag, last_modified = $lm, last_polled = $polled, last_success = $success,
                next_poll = $next, failures = $failures, last_error = $error, last_outcome = $outcome
            """;
        cmd.Parameters.AddWithValue("$id", state.SourceId);
        cmd.Parameters.AddWithValue("$etag", (object?)state.ETag ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$lm", (object?)state.LastModified ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$polled", DbTime.ToDb(state.LastPolled));
        cmd.Parameters.AddWithValue("$success", DbTime.ToDb(state.LastSuccess));
        cmd.Parameters.AddWithValue("$next", DbTime.ToDb(state.NextPoll));
        cmd.Parameters.AddWithValue("$failures", state.ConsecutiveFailures);
        cmd.Parameters.AddWithValue("$error", (object?)state.LastError ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$outcome", (object?)state.LastOutcome ?? DBNull.Value);
        cmd.ExecuteNonQuery();
    }

    private static SourceState Read(DbDataReader r) => new()
    {
        SourceId = r.GetString(0),
        ETag = r.IsDBNull(1) ? null : r.GetString(1),
        LastModified = r.IsDBNull(2) ? null : r.GetString(2),
        LastPolled = DbTime.FromDb(r.GetValue(3)),
        LastSuccess = DbTime.FromDb(r.GetValue(4)),
        NextPoll = DbTime.FromDb(r.GetValue(5)),
        ConsecutiveFailures = r.GetInt32(6),
        LastError = r.IsDBNull(7) ? null : r.GetString(7),
        LastOutcome = r.IsDBNull(8) ? null : r.GetString(8),
        ArticleCount = r.GetInt32(9),
    };
}
