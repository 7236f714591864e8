namespace NewsBrief.Core.Storage;

/// <summary>
/// Claims due sources for one worker's poll, so that workers sharing a store fetch each source once per interval:
/// a claim moves the source's next poll to the end of the lease, in the same statement that checks it is due, so a
/// second worker no longer sees it as due. The poll's outcome then sets the real next poll; a worker that dies
/// holding claims leaves those sources due again when the lease ends.
/// </summary>
public sealed class SourceClaimStore(NewsBriefDatabase database)
{
    /// <summary>Of <paramref name="sourceIds"/>, those that were due at <paramref name="now"/> and are now claimed until <paramref name="until"/>.</summary>
    public IReadOnlySet<string> ClaimDue(IReadOnlyCollection<string> sourceIds, DateTimeOffset now, DateTimeOffset until)
    {
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        if (sourceIds.Count == 0) return claimed;
        lock (database.WriteLock)
        {
            using var connection = database.Connect();
            // One write transaction for the whole batch: SQLite serialises writers, so no other worker claims in between.
            using var tx = connection.BeginTransaction(deferred: false);
            using var cmd = connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = """
                INSERT INTO source_state (source_id, next_poll, failures) VALUES (@id, @until, 0)
                ON CONFLICT (source_id) DO UPDATE SET next_poll = @until
                WHERE source_state.next_poll IS NULL OR source_state.next_poll <= @now
                RETURNING source_id
                """;
            var id = cmd.Parameters.Add("@id", Microsoft.Data.Sqlite.SqliteType.Text);
            cmd.Parameters.AddWithValue("@now", now.ToUnixTimeMilliseconds());
            cmd.Parameters.AddWithValue("@until", until.ToUnixTimeMilliseconds());
            foreach (var sourceId in sourceIds)
            {
                id.Value = sourceId;
                if (cmd.ExecuteScalar() is string got) claimed.Add(got);
            }
            tx.Commit();
        }
        return claimed;
    }
}
