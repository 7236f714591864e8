using System.Data;
using System.Data.Common;
using NewsBrief.Core.Domain;

namespace NewsBrief.Core.Storage;

/// <summary>
/// The outbox. Rows are added in the transaction that caused them (<see cref="Insert"/>), then the
/// sender takes the due ones, sends them, and records the outcome; an idempotency key is never queued twice.
/// </summary>
public sealed class DeliveryStore(NewsBriefDatabase database)
{
    private const string Columns = "id, destination, kind, idempotency_key, subscription_id, payload, text, created, status, attempts, next_attempt, last_error, sent, message_id, parts_sent";

    /// <summary>Queues one delivery on its own; null when its idempotency key is queued already.</summary>
    public long? Add(Delivery delivery)
    {
        using var connection = database.Connect();
        return Insert(connection, null, delivery);
    }

    public Delivery? Get(long id)
    {
        using var connection = database.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT {Columns} FROM deliveries WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", id);
        return ReadAll(cmd).FirstOrDefault();
    }

    /// <summary>Pending deliveries due at <paramref name="now"/>, oldest first; with <paramref name="afterId"/>, only those queued after it (a pass pages on).</summary>
    public IReadOnlyList<Delivery> Due(DateTimeOffset now, int limit = 500, long afterId = 0)
    {
        using var connection = database.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT {Columns} FROM deliveries WHERE status = 'pending' AND next_attempt <= $now AND id > $after ORDER BY id LIMIT $limit";
        cmd.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        cmd.Parameters.AddWithValue("$after", afterId);
        cmd.Parameters.AddWithValue("$limit", limit);
        return ReadAll(cmd);
    }

    /// <summary>How many deliveries wait to be sent (the outbox depth).</summary>
    public long PendingCount()
    {
        using var connection = database.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM deliveries WHERE status = 'pending'";
        return (long)cmd.ExecuteScalar()!;
    }

    /// <summary>Deliveries in one status (all when null), newest first.</summary>
    public IReadOnlyList<Delivery> List(DeliveryStatus? status = null, int limit = 1000)
    {
        using var connection = database.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT {Columns} FROM deliveries WHERE CAST($status AS TEXT) IS NULL OR status = $status ORDER BY id DESC LIMIT $limit";
        cmd.Parameters.AddWithValue("$status", status is { } s ? s.ToString().ToLowerInvariant() : DBNull.Value);
        cmd.Parameters.AddWithValue("$limit", limit);
        return ReadAll(cmd);
    }

    /// <summary>
    /// Takes a due delivery for sending by moving its next attempt to <paramref name="leaseUntil"/>; false when it is
    /// no longer due (another process took it or it was sent). A sender that dies holding it leaves it to be sent after the lease.
    /// </summary>
    public bool TryClaim(long id, DateTimeOffset now, DateTimeOffset leaseUntil)
    {
        using var connection = database.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "UPDATE deliveries SET next_attempt = $until WHERE id = $id AND status = 'pending' AND next_attempt <= $now";
        cmd.Parameters.AddWithValue("$id", id);
        cmd.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        cmd.Parameters.AddWithValue("$until", leaseUntil.ToUnixTimeMilliseconds());
        return cmd.ExecuteNonQuery() == 1;
    }

    /// <summary>Holds a pending delivery until <paramref name="until"/> without counting an attempt (quiet hours, no sender yet).</summary>
    public void Defer(long id, DateTimeOffset until, string? reason = null) => Execute(
        "UPDATE deliveries SET next_attempt = $until, last_error = COALESCE($reason, last_error) WHERE id = $id AND status = 'pending'",
        ("$id", id), ("$until", until.ToUnixTimeMilliseconds()), ("$reason", (object?)reason ?? DBNull.Value));

    public void MarkSent(long id, DateTimeOffset sent, string? messageId) => Execute(
        "UPDATE deliveries SET status = 'sent', sent = $sent, message_id = COALESCE(message_id, $message), attempts = attempts + 1, last_error = NULL WHERE id = $id",
        ("$id", id), ("$sent", sent.ToUnixTimeMilliseconds()), ("$message", (object?)messageId ?? DBNull.Value));

    /// <summary>Leaves the delivery pending, to be tried again at <paramref name="next"/>.</summary>
    public void MarkRetry(long id, DateTimeOffset next, string error) => Execute(
        "UPDATE deliveries SET attempts = attempts + 1, next_attempt = $next, last_error = $error WHERE id = $id",
        ("$id", id), ("$next", next.ToUnixTimeMilliseconds()), ("$error", error));

    /// <summary>Puts a failed delivery back in the queue, due at once with its attempts reset; false when it is not failed.</summary>
    public bool Requeue(long id, DateTimeOffset now)
    {
        using var connection = database.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt = $now WHERE id = $id AND status = 'failed'";
        cmd.Parameters.AddWithValue("$id", id);
        cmd.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        return cmd.ExecuteNonQuery() == 1;
    }

    /// <summary>
    /// Records that the first <paramref name="parts"/> messages of a split delivery are out (the first part's id kept as
    /// the delivery's), so a retry after a failure or a crash resumes at the first unsent part instead of resending the rest.
    /// </summary>
    public void MarkPartsSent(long id, int parts, string? messageId) => Execute(
        "UPDATE deliveries SET parts_sent = CASE WHEN parts_sent > $parts THEN parts_sent ELSE $parts END, message_id = COALESCE(message_id, $message) WHERE id = $id AND status = 'pending'",
        ("$id", id), ("$parts", parts), ("$message", (object?)messageId ?? DBNull.Value));

    /// <summary>Gives up on the delivery; it stays visible with its error.</summary>
    public void MarkFailed(long id, string error) => Execute(
        "UPDATE deliveries SET status = 'failed', attempts = attempts + 1, last_error = $error WHERE id = $id",
        ("$id", id), ("$error", error));

    /// <summary>Inserts inside a caller's transaction; null when the idempotency key exists.</summary>
    internal static long? Insert(DbConnection connection, DbTransaction? tx, Delivery d)
    {
        using var cmd = InsertCommand(connection, tx);
        return Insert(cmd, d);
    }

    /// <summary>The outbox insert, to be run through <see cref="Insert(DbCommand, Delivery)"/> once per row (a scan queues thousands).</summary>
    internal static DbCommand InsertCommand(DbConnection connection, DbTransaction? tx)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """
            INSERT INTO deliveries (destination, kind, idempotency_key, subscription_id, payload, text, created, status, next_attempt)
            VALUES ($destination, $kind, $key, $subscription, $payload, $text, $created, 'pending', $created)
            ON CONFLICT(idempotency_key) DO NOTHING RETURNING id
            """;
        foreach (var name in new[] { "$destination", "$kind", "$key", "$payload", "$text" }) cmd.AddTyped(name, DbType.String);
        foreach (var name in new[] { "$subscription", "$created" }) cmd.AddTyped(name, DbType.Int64);
        return cmd;
    }

    /// <summary>Inserts one outbox row through a command from <see cref="InsertCommand"/>; null when its key is queued already.</summary>
    internal static long? Insert(DbCommand cmd, Delivery d)
    {
        cmd.Parameters.Parameter("$destination").Value = d.Destination;
        cmd.Parameters.Parameter("$kind").Value = d.Kind;
        cmd.Parameters.Parameter("$key").Value = d.IdempotencyKey;
        cmd.Parameters.Parameter("$subscription").Value = (object?)d.SubscriptionId ?? DBNull.Value;
        cmd.Parameters.Parameter("$payload").Value = d.Payload;
        cmd.Parameters.Parameter("$text").Value = d.Text;
        cmd.Parameters.Parameter("$created").Value = d.Created.ToUnixTimeMilliseconds();
        return cmd.ExecuteScalar() is long id ? id : null;
    }

    private void Execute(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = database.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        cmd.ExecuteNonQuery();
    }

    private static List<Delivery> ReadAll(DbCommand cmd)
    {
        using var r = cmd.ExecuteReader();
        var list = new List<Delivery>();
        while (r.Read())
        {
            list.Add(new Delivery
            {
                Id = r.GetInt64(0),
                Destination = r.GetString(1),
                Kind = r.GetString(2),
                IdempotencyKey = r.GetString(3),
                SubscriptionId = r.IsDBNull(4) ? null : r.GetInt64(4),
                Payload = r.GetString(5),
                Text = r.GetString(6),
                Created = DbTime.FromDb(r.GetValue(7))!.Value,
                Status = Enum.Parse<DeliveryStatus>(r.GetString(8), ignoreCase: true),
                Attempts = r.GetInt32(9),
                NextAttempt = DbTime.FromDb(r.GetValue(10))!.Value,
                LastError = r.IsDBNull(11) ? null : r.GetString(11),
                Sent = DbTime.FromDb(r.GetValue(12)),
                MessageId = r.IsDBNull(13) ? null : r.GetString(13),
                PartsSent = r.GetInt32(14),
            });
        }
        return list;
    }
}
