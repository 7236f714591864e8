using System.Data.Common;
using NewsBrief.Core.Domain;

namespace NewsBrief.Core.Storage;

/// <summary>Brief schedules, one per destination, and the record of which occurrence each last queued.</summary>
public sealed class ScheduleStore(NewsBriefDatabase database)
{
    private const string Columns = "id, destination, cron, time_zone, topics, quiet_hours, origin, created, last_occurrence";

    /// <summary>
    /// Creates or replaces the destination's schedule; a replaced one keeps its last occurrence, so no past one is re-sent.
    /// A <c>config</c> schedule replaces only a <c>config</c> one; returns the schedule now stored.
    /// </summary>
    public BriefSchedule Set(BriefSchedule schedule)
    {
        using var connection = database.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"""
            INSERT INTO schedules (destination, cron, time_zone, topics, quiet_hours, origin, created, last_occurrence)
            VALUES ($destination, $cron, $zone, $topics, $quiet, $origin, $created, $created)
            ON CONFLICT(destination) DO UPDATE SET cron = $cron, time_zone = $zone, topics = $topics, quiet_hours = $quiet, origin = $origin
            WHERE $origin = 'user' OR schedules.origin = 'config'
            RETURNING {Columns}
            """;
        cmd.Parameters.AddWithValue("$destination", schedule.Destination);
        cmd.Parameters.AddWithValue("$cron", schedule.Cron);
        cmd.Parameters.AddWithValue("$zone", schedule.TimeZone);
        cmd.Parameters.AddWithValue("$topics", string.Join('\n', schedule.Topics));
        cmd.Parameters.AddWithValue("$quiet", (object?)schedule.QuietHours ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$origin", schedule.Origin);
        cmd.Parameters.AddWithValue("$created", schedule.Created.ToUnixTimeMilliseconds());
        using (var reader = cmd.ExecuteReader())
            if (reader.Read()) return Read(reader);
        // A configured default never replaces a user's schedule for the same destination.
        return List().Single(s => s.Destination == schedule.Destination);
    }

    public bool Remove(string destination)
    {
        using var connection = database.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "DELETE FROM schedules WHERE destination = $d";
        cmd.Parameters.AddWithValue("$d", destination);
        return cmd.ExecuteNonQuery() > 0;
    }

    public IReadOnlyList<BriefSchedule> List()
    {
        using var connection = database.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT {Columns} FROM schedules ORDER BY id";
        using var reader = cmd.ExecuteReader();
        var list = new List<BriefSchedule>();
        while (reader.Read()) list.Add(Read(reader));
        return list;
    }

    /// <summary>
    /// Queues the brief of one occurrence and records the occurrence, in one transaction; false (nothing
    /// written) when that occurrence, or a later one, was queued already.
    /// </summary>
    public bool QueueOccurrence(long scheduleId, DateTimeOffset occurrence, Delivery? delivery)
    {
        lock (database.WriteLock) return QueueOccurrenceLocked(scheduleId, occurrence, delivery);
    }

    private bool QueueOccurrenceLocked(long scheduleId, DateTimeOffset occurrence, Delivery? delivery)
    {
        using var connection = database.Connect();
        using var tx = connection.BeginTransaction(deferred: false);
        using (var cmd = connection.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "UPDATE schedules SET last_occurrence = $at WHERE id = $id AND (last_occurrence IS NULL OR last_occurrence < $at)";
            cmd.Parameters.AddWithValue("$at", occurrence.ToUnixTimeMilliseconds());
            cmd.Parameters.AddWithValue("$id", scheduleId);
            if (cmd.ExecuteNonQuery() == 0) return false;
        }
        if (delivery is not null) DeliveryStore.Insert(connection, tx, delivery);
        tx.Commit();
        return true;
    }

    private static BriefSchedule Read(DbDataReader r) => new()
    {
        Id = r.GetInt64(0),
        Destination = r.GetString(1),
        Cron = r.GetString(2),
        TimeZone = r.GetString(3),
        Topics = r.GetString(4).Split('\n', StringSplitOptions.RemoveEmptyEntries),
        QuietHours = r.IsDBNull(5) ? null : r.GetString(5),
        Origin = r.GetString(6),
        Created = DbTime.FromDb(r.GetValue(7))!.Value,
        LastOccurrence = DbTime.FromDb(r.GetValue(8)),
    };
}
