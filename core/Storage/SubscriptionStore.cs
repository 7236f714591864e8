using System.Data.Common;
using NewsBrief.Core.Domain;

namespace NewsBrief.Core.Storage;

/// <summary>Keyword alert subscriptions. A new one starts after the newest stored article, so it never alerts the backlog.</summary>
public sealed class SubscriptionStore(NewsBriefDatabase database)
{
    private const string Columns = "id, owner, name, query, destination, mode, created, start_after, daily_cap, last_digest";

    /// <summary>Stores a new subscription and returns it with its id.</summary>
    public Subscription Add(Subscription subscription)
    {
        using var connection = database.Connect();
        using var cmd = InsertCommand(connection, null);
        return Insert(cmd, subscription);
    }

    /// <summary>
    /// Stores many new subscriptions in one transaction (an import, a benchmark's 100,000), each exactly as
    /// <see cref="Add"/> stores it, and returns them with their ids in the same order.
    /// </summary>
    public IReadOnlyList<Subscription> AddMany(IReadOnlyList<Subscription> subscriptions)
    {
        lock (database.WriteLock)
        {
            using var connection = database.Connect();
            using var tx = connection.BeginTransaction(deferred: false);
            using var cmd = InsertCommand(connection, tx);
            var added = new List<Subscription>(subscriptions.Count);
            foreach (var subscription in subscriptions) added.Add(Insert(cmd, subscription));
            tx.Commit();
            return added;
        }
    }

    private static DbCommand InsertCommand(DbConnection connection, DbTransaction? tx)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"""
            INSERT INTO subscriptions (owner, name, query, destination, mode, created, start_after, daily_cap)
            VALUES ($owner, $name, $query, $destination, $mode, $created, (SELECT COALESCE(MAX(id), 0) FROM articles), $cap)
            RETURNING {Columns}
            """;
        return cmd;
    }

    private static Subscription Insert(DbCommand cmd, Subscription subscription)
    {
        cmd.Parameters.Clear();
        cmd.Parameters.AddWithValue("$owner", subscription.Owner);
        cmd.Parameters.AddWithValue("$name", (object?)subscription.Name ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$query", subscription.Query);
        cmd.Parameters.AddWithValue("$destination", subscription.Destination);
        cmd.Parameters.AddWithValue("$mode", subscription.Mode.ToString().ToLowerInvariant());
        cmd.Parameters.AddWithValue("$created", subscription.Created.ToUnixTimeMilliseconds());
        cmd.Parameters.AddWithValue("$cap", subscription.DailyCap);
        using var reader = cmd.ExecuteReader();
        reader.Read();
        return Read(reader);
    }

    /// <summary>
    /// Removes a subscription (and what it has waiting for a digest); false when there is none with the id,
    /// or, when <paramref name="owner"/> is given, none of that owner (a chat user removes only their own).
    /// </summary>
    public bool Remove(long id, string? owner = null)
    {
        using var connection = database.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "DELETE FROM subscriptions WHERE id = $id AND (CAST($owner AS TEXT) IS NULL OR owner = $owner)";
        cmd.Parameters.AddWithValue("$id", id);
        cmd.Parameters.AddWithValue("$owner", (object?)owner ?? DBNull.Value);
        return cmd.ExecuteNonQuery() > 0;
    }

    public Subscription? Get(long id)
    {
        using var connection = database.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT {Columns} FROM subscriptions WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", id);
        using var reader = cmd.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }

    /// <summary>Every subscription (of one owner when given), oldest first.</summary>
    public IReadOnlyList<Subscription> List(string? owner = null)
    {
        using var connection = database.Connect();
        return List(connection, null, owner);
    }

    public int CountFor(string owner)
    {
        using var connection = database.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM subscriptions WHERE owner = $owner";
        cmd.Parameters.AddWithValue("$owner", owner);
        return Convert.ToInt32(cmd.ExecuteScalar());
    }

    internal static IReadOnlyList<Subscription> List(DbConnection connection, DbTransaction? tx, string? owner)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"SELECT {Columns} FROM subscriptions WHERE CAST($owner AS TEXT) IS NULL OR owner = $owner ORDER BY id";
        cmd.Parameters.AddWithValue("$owner", (object?)owner ?? DBNull.Value);
        using var reader = cmd.ExecuteReader();
        var list = new List<Subscription>();
        while (reader.Read()) list.Add(Read(reader));
        return list;
    }

    private static Subscription Read(DbDataReader r) => new()
    {
        Id = r.GetInt64(0),
        Owner = r.GetString(1),
        Name = r.IsDBNull(2) ? null : r.GetString(2),
        Query = r.GetString(3),
        Destination = r.GetString(4),
        Mode = Enum.Parse<AlertMode>(r.GetString(5), ignoreCase: true),
        Created = DbTime.FromDb(r.GetValue(6))!.Value,
        StartAfter = r.GetInt64(7),
        DailyCap = r.GetInt32(8),
        LastDigest = DbTime.FromDb(r.GetValue(9)),
    };
}
