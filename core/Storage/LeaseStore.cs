namespace NewsBrief.Core.Storage;

/// <summary>
/// Named leases shared by the workers of one store: a lease is held by one worker until it expires, renewed by
/// its holder, and taken by anyone once it has expired (its holder died or stalled). Each call is one statement,
/// an upsert that only writes when the lease is free, expired or already the caller's, so two workers racing for
/// it cannot both win. Times come from the caller's clock.
/// </summary>
public sealed class LeaseStore(NewsBriefDatabase database)
{
    /// <summary>Takes or renews the lease until <paramref name="until"/>; false when another worker holds it past <paramref name="now"/>.</summary>
    public bool TryAcquire(string name, string holder, DateTimeOffset now, DateTimeOffset until)
    {
        lock (database.WriteLock)
        {
            using var connection = database.Connect();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = """
                INSERT INTO leases (name, holder, expires) VALUES ($name, $holder, $until)
                ON CONFLICT (name) DO UPDATE SET holder = $holder, expires = $until
                WHERE leases.holder = $holder OR leases.expires <= $now
                RETURNING holder
                """;
            cmd.Parameters.AddWithValue("$name", name);
            cmd.Parameters.AddWithValue("$holder", holder);
            cmd.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            cmd.Parameters.AddWithValue("$until", until.ToUnixTimeMilliseconds());
            return cmd.ExecuteScalar() is not null;
        }
    }

    /// <summary>Gives the lease up, if <paramref name="holder"/> still holds it, so another worker need not wait for it to expire.</summary>
    public void Release(string name, string holder)
    {
        lock (database.WriteLock)
        {
            using var connection = database.Connect();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "DELETE FROM leases WHERE name = $name AND holder = $holder";
            cmd.Parameters.AddWithValue("$name", name);
            cmd.Parameters.AddWithValue("$holder", holder);
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>Who holds the lease at <paramref name="now"/>, or null when it is free or expired.</summary>
    public string? Holder(string name, DateTimeOffset now)
    {
        using var connection = database.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT holder FROM leases WHERE name = $name AND expires > $now";
        cmd.Parameters.AddWithValue("$name", name);
        cmd.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        return cmd.ExecuteScalar() as string;
    }
}
