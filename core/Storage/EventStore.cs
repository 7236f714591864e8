using System.Globalization;
using System.Text.Json;
using System.Data.Common;
using NewsBrief.Core.Domain;

namespace NewsBrief.Core.Storage;

/// <summary>
/// Stored upcoming events and the articles that report them (<c>events</c>, <c>event_citations</c>). A report
/// of an event already stored (<see cref="SameEvent"/>) adds a citation to it rather than a second event. Each
/// citation's story is read from its article, so story merges need no bookkeeping here.
/// </summary>
public sealed class EventStore(NewsBriefDatabase database)
{
    /// <summary>Stores one reported event: merged into the matching stored event, or new. Returns the stored event's id.</summary>
    public long Record(UpcomingEvent report, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Citations.Count == 0) throw new ArgumentException("an event needs the article that reports it", nameof(report));
        lock (database.WriteLock)
        {
            using var connection = database.Connect();
            using var tx = connection.BeginTransaction();
            var match = OnDate(connection, tx, report.Date, report.Precision).FirstOrDefault(e => SameEvent.Matches(e, report));
            long id;
            if (match is null)
            {
                id = Insert(connection, tx, report, now);
            }
            else
            {
                id = match.Id;
                // the fuller report's names win: a later outlet may name who the first left out
                var participants = match.Participants.Union(report.Participants, StringComparer.OrdinalIgnoreCase).Take(8).ToList();
                Execute(connection, tx, "UPDATE events SET participants = $p, place = COALESCE(place, $pl) WHERE id = $id",
                    ("$p", JsonSerializer.Serialize(participants)), ("$pl", (object?)report.Place ?? DBNull.Value), ("$id", id));
            }
            foreach (var c in report.Citations)
                Execute(connection, tx, "INSERT INTO event_citations (event_id, article_id, sentence) VALUES ($e, $a, $s) ON CONFLICT DO NOTHING",
                    ("$e", id), ("$a", c.ArticleId), ("$s", c.Sentence));
            tx.Commit();
            return id;
        }
    }

    /// <summary>Whether the article's events have been recorded (so a re-poll does not extract them again).</summary>
    public bool HasArticle(long articleId)
    {
        using var connection = database.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT 1 FROM event_citations WHERE article_id = $a LIMIT 1";
        cmd.Parameters.AddWithValue("$a", articleId);
        return cmd.ExecuteScalar() is not null;
    }

    /// <summary>The events that may fall between two days (inclusive), soonest first, with their citations.</summary>
    public IReadOnlyList<UpcomingEvent> Between(DateOnly from, DateOnly to, int limit = 500)
    {
        using var connection = database.Connect();
        using var cmd = connection.CreateCommand();
        // A month-precision event dated before the window may still run into it: look back a month, filter exactly below.
        cmd.CommandText = "SELECT id, date, precision, kind, title, participants, place, first_seen FROM events WHERE date >= $from AND date <= $to ORDER BY date, id";
        cmd.Parameters.AddWithValue("$from", Iso(from.AddDays(-31)));
        cmd.Parameters.AddWithValue("$to", Iso(to));
        var events = Read(cmd).Where(e => e.LastDay >= from).Take(limit).ToList();
        return WithCitations(connection, events);
    }

    public UpcomingEvent? Get(long id)
    {
        using var connection = database.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT id, date, precision, kind, title, participants, place, first_seen FROM events WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", id);
        return WithCitations(connection, Read(cmd).ToList()).FirstOrDefault();
    }

    private static List<UpcomingEvent> OnDate(DbConnection connection, DbTransaction tx, DateOnly date, EventPrecision precision)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT id, date, precision, kind, title, participants, place, first_seen FROM events WHERE date = $d AND precision = $p";
        cmd.Parameters.AddWithValue("$d", Iso(date));
        cmd.Parameters.AddWithValue("$p", precision.ToString().ToLowerInvariant());
        return Read(cmd).ToList();
    }

    private static long Insert(DbConnection connection, DbTransaction tx, UpcomingEvent e, DateTimeOffset now)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """
            INSERT INTO events (date, precision, kind, title, participants, place, first_seen)
            VALUES ($d, $p, $k, $t, $ps, $pl, $f) RETURNING id
            """;
        cmd.Parameters.AddWithValue("$d", Iso(e.Date));
        cmd.Parameters.AddWithValue("$p", e.Precision.ToString().ToLowerInvariant());
        cmd.Parameters.AddWithValue("$k", e.Kind);
        cmd.Parameters.AddWithValue("$t", e.Title);
        cmd.Parameters.AddWithValue("$ps", JsonSerializer.Serialize(e.Participants));
        cmd.Parameters.AddWithValue("$pl", (object?)e.Place ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$f", DbTime.ToDb(now));
        return (long)cmd.ExecuteScalar()!;
    }

    private static IEnumerable<UpcomingEvent> Read(DbCommand cmd)
    {
        using var r = cmd.ExecuteReader();
        var list = new List<UpcomingEvent>();
        while (r.Read())
            list.Add(new UpcomingEvent
            {
                Id = r.GetInt64(0),
                Date = DateOnly.ParseExact(r.GetString(1), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                Precision = Enum.Parse<EventPrecision>(r.GetString(2), ignoreCase: true),
                Kind = r.GetString(3),
                Title = r.GetString(4),
                Participants = JsonSerializer.Deserialize<List<string>>(r.GetString(5)) ?? [],
                Place = r.IsDBNull(6) ? null : r.GetString(6),
                FirstSeen = DbTime.FromDb(r.GetValue(7)) ?? default,
                Citations = [],
            });
        return list;
    }

    private static List<UpcomingEvent> WithCitations(DbConnection connection, List<UpcomingEvent> events)
    {
        if (events.Count == 0) return events;
        var byEvent = events.ToDictionary(e => e.Id, _ => new List<EventCitation>());
        using var cmd = connection.CreateCommand();
        var names = new List<string>();
        foreach (var (id, i) in byEvent.Keys.Select((id, i) => (id, i)))
        {
            names.Add($"$e{i}");
            cmd.Parameters.AddWithValue($"$e{i}", id);
        }
        cmd.CommandText = $"""
            SELECT c.event_id, c.article_id, c.sentence, a.story_id FROM event_citations c JOIN articles a ON a.id = c.article_id
            WHERE c.event_id IN ({string.Join(",", names)}) ORDER BY a.published, c.article_id
            """;
        using (var r = cmd.ExecuteReader())
            while (r.Read())
                byEvent[r.GetInt64(0)].Add(new EventCitation(r.GetInt64(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetInt64(3)));
        // an event whose every article has gone (deleted) has nothing to cite and is not shown
        return events.Select(e => e with { Citations = byEvent[e.Id] }).Where(e => e.Citations.Count > 0).ToList();
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Execute(DbConnection connection, DbTransaction tx, string sql, params (string Name, object Value)[] parameters)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        cmd.ExecuteNonQuery();
    }
}
