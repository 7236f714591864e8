namespace NewsBrief.Core.Storage;

/// <summary>
/// Claims a due source for one worker's poll, so that workers sharing a store fetch each source once per interval:
/// the claim moves the source's next poll to the end of the lease in the same statement that checks it is due, so
/// no other worker sees it as due any more. The poll's outcome then sets the real next poll; a worker that dies
/// holding a claim leaves that source due again when the lease ends. Sources are claimed one at a time, just
/// before each is fetched, so a worker killed mid-poll strands only the few it was fetching.
/// </summary>
public sealed class SourceClaimStore(NewsBriefDatabase database)
{
    /// <summary>True when the source was due at <paramref name="now"/> (or never polled) and is now this caller's until <paramref name="until"/>.</summary>
    public bool TryClaim(string sourceId, DateTimeOffset now, DateTimeOffset until)
    {
        lock (database.WriteLock)
        {
            using var connection = database.Connect();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = """
                INSERT INTO source_state (source_id, next_poll, failures) VALUES ($id, $until, 0)
                ON CONFLICT (source_id) DO UPDATE SET next_poll = $until
                WHERE source_state.next_poll IS NULL OR source_state.next_poll <= $now
                RETURNING source_id
                """;
            cmd.Parameters.AddWithValue("$id", sourceId);
            cmd.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            cmd.Parameters.AddWithValue("$until", until.ToUnixTimeMilliseconds());
            return cmd.ExecuteScalar() is not null;
        }
    }
}
