using System.Data;
using System.Data.Common;
using NewsBrief.Core.Domain;

namespace NewsBrief.Core.Storage;

/// <summary>An alert the scan decided on: the subscription's new articles of one story, and its outbox row (null: wait for the digest).</summary>
public sealed record PlannedAlert(long SubscriptionId, IReadOnlyList<Article> Articles, Delivery? Delivery);

/// <summary>A digest the scan decided on: the articles it folds in and its outbox row.</summary>
public sealed record PlannedDigest(long SubscriptionId, IReadOnlyList<long> ArticleIds, Delivery Delivery, DateTimeOffset At);

/// <summary>
/// The alert scan's state: the watermark (the last article id scanned), the (subscription, canonical
/// URL) pairs already alerted, and the articles waiting for a digest. <see cref="Commit"/> writes a
/// scan's alerts, their outbox rows and the new watermark in one transaction, so a crash either keeps
/// all of it or none, and an article never alerts a subscription twice.
/// </summary>
public sealed class AlertStore(NewsBriefDatabase database)
{
    /// <summary>The last article id scanned; before the first scan, the newest article a subscription had already seen.</summary>
    public long Watermark()
    {
        using var connection = database.Connect();
        return Watermark(connection, null);
    }

    /// <summary>When the first article waiting for each subscription's next digest began to wait; one query for all of them.</summary>
    public IReadOnlyDictionary<long, DateTimeOffset> WaitingSince()
    {
        using var connection = database.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT subscription_id, MIN(created) FROM alerted WHERE delivery_id IS NULL GROUP BY subscription_id";
        using var reader = cmd.ExecuteReader();
        var since = new Dictionary<long, DateTimeOffset>();
        while (reader.Read()) since[reader.GetInt64(0)] = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1));
        return since;
    }

    /// <summary>The ids of the articles waiting for the subscription's next digest, oldest first (read when the digest is due).</summary>
    public IReadOnlyList<long> WaitingForDigest(long subscriptionId)
    {
        using var connection = database.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT article_id FROM alerted WHERE subscription_id = $s AND delivery_id IS NULL ORDER BY article_id";
        cmd.Parameters.AddWithValue("$s", subscriptionId);
        using var reader = cmd.ExecuteReader();
        var ids = new List<long>();
        while (reader.Read()) ids.Add(reader.GetInt64(0));
        return ids;
    }

    /// <summary>
    /// The <see cref="AlertHistory"/> of many subscriptions in three queries, whatever their number: the
    /// already-alerted check of each (subscription, canonical URL) pair in <paramref name="candidates"/>,
    /// the alerts counted since <paramref name="capSince"/>, and at most <paramref name="limit"/> articles
    /// alerted since <paramref name="memorySince"/> per subscription (their stories). A subscription with no past is absent.
    /// </summary>
    public IReadOnlyDictionary<long, AlertHistory> History(
        IReadOnlyDictionary<long, IReadOnlyCollection<string>> candidates, DateTimeOffset capSince, DateTimeOffset memorySince, int limit = 50)
    {
        var alerted = new Dictionary<long, HashSet<string>>();
        var counted = new Dictionary<long, int>();
        var recent = new Dictionary<long, HashSet<long>>();
        if (candidates.Count == 0) return new Dictionary<long, AlertHistory>();
        var ids = "[" + string.Join(',', candidates.Keys) + "]";
        var dialect = database.Dialect;
        using var connection = database.Connect();
        using (var cmd = connection.CreateCommand())
        {
            // One probe of the primary key per pair; the pairs travel as one JSON array.
            cmd.CommandText = $"""
                SELECT a.subscription_id, a.canonical_url
                FROM ({dialect.PairsFromJson("$pairs", "subscription_id", "canonical_url")}) p
                JOIN alerted a ON a.subscription_id = p.subscription_id AND a.canonical_url = p.canonical_url
                """;
            cmd.Parameters.AddWithValue("$pairs", Pairs(candidates));
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                var id = reader.GetInt64(0);
                if (!alerted.TryGetValue(id, out var urls)) alerted[id] = urls = new HashSet<string>(StringComparer.Ordinal);
                urls.Add(reader.GetString(1));
            }
        }
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = $"""
                SELECT subscription_id, COUNT(*) FROM deliveries
                WHERE subscription_id IN ({dialect.IdsFromJson("$ids")}) AND kind = 'alert' AND created >= $since
                GROUP BY subscription_id
                """;
            cmd.Parameters.AddWithValue("$ids", ids);
            cmd.Parameters.AddWithValue("$since", capSince.ToUnixTimeMilliseconds());
            using var reader = cmd.ExecuteReader();
            while (reader.Read()) counted[reader.GetInt64(0)] = Convert.ToInt32(reader.GetValue(1));
        }
        using (var cmd = connection.CreateCommand())
        {
            // The newest alerted articles of each subscription (as AlertedSince reads them), then their stories.
            cmd.CommandText = $"""
                SELECT r.subscription_id, ar.story_id FROM (
                    SELECT subscription_id, article_id,
                           ROW_NUMBER() OVER (PARTITION BY subscription_id ORDER BY article_id DESC) AS n
                    FROM alerted
                    WHERE subscription_id IN ({dialect.IdsFromJson("$ids")}) AND created >= $since AND delivery_id IS NOT NULL) r
                JOIN articles ar ON ar.id = r.article_id
                WHERE r.n <= $limit AND ar.story_id IS NOT NULL
                """;
            cmd.Parameters.AddWithValue("$ids", ids);
            cmd.Parameters.AddWithValue("$since", memorySince.ToUnixTimeMilliseconds());
            cmd.Parameters.AddWithValue("$limit", limit);
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                var id = reader.GetInt64(0);
                if (!recent.TryGetValue(id, out var set)) recent[id] = set = [];
                set.Add(reader.GetInt64(1));
            }
        }
        var history = new Dictionary<long, AlertHistory>();
        foreach (var id in alerted.Keys.Concat(counted.Keys).Concat(recent.Keys).Distinct())
        {
            history[id] = new AlertHistory(
                alerted.TryGetValue(id, out var urls) ? urls : AlertHistory.None.Alerted,
                counted.GetValueOrDefault(id),
                recent.TryGetValue(id, out var stories) ? stories : AlertHistory.None.AlertedStories);
        }
        return history;
    }

    private static string Pairs(IReadOnlyDictionary<long, IReadOnlyCollection<string>> candidates)
    {
        var json = new System.Text.StringBuilder("[");
        // Many subscriptions match the same articles: encode each URL once.
        var encoded = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, urls) in candidates)
        {
            foreach (var url in urls)
            {
                if (!encoded.TryGetValue(url, out var text)) encoded[url] = text = System.Text.Json.JsonSerializer.Serialize(url);
                if (json.Length > 1) json.Append(',');
                json.Append('[').Append(id).Append(',').Append(text).Append(']');
            }
        }
        return json.Append(']').ToString();
    }

    /// <summary>How an article stands for a subscription: null when never alerted, else the delivery (null while it waits for a digest).</summary>
    public (bool Alerted, Delivery? Delivery) AlertStatus(long subscriptionId, string canonicalUrl)
    {
        using var connection = database.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT delivery_id FROM alerted WHERE subscription_id = $s AND canonical_url = $u";
        cmd.Parameters.AddWithValue("$s", subscriptionId);
        cmd.Parameters.AddWithValue("$u", canonicalUrl);
        var value = cmd.ExecuteScalar();
        if (value is null) return (false, null);
        return (true, value is long id ? new DeliveryStore(database).Get(id) : null);
    }

    /// <summary>The id of the stored article with this canonical (or original) URL.</summary>
    public long? ArticleIdByUrl(string canonicalUrl, string url)
    {
        using var connection = database.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT id FROM articles WHERE canonical_url = $c OR url = $u ORDER BY canonical_url = $c DESC LIMIT 1";
        cmd.Parameters.AddWithValue("$c", canonicalUrl);
        cmd.Parameters.AddWithValue("$u", url);
        return cmd.ExecuteScalar() is long id ? id : null;
    }

    /// <summary>
    /// Writes a scan in one transaction. Returns false, writing nothing, when another scan moved the
    /// watermark since <paramref name="expectedWatermark"/> was read (the caller scans again).
    /// </summary>
    public bool Commit(long expectedWatermark, long newWatermark, IReadOnlyList<PlannedAlert> alerts, IReadOnlyList<PlannedDigest> digests, DateTimeOffset now)
    {
        lock (database.WriteLock) return CommitLocked(expectedWatermark, newWatermark, alerts, digests, now);
    }

    private bool CommitLocked(long expectedWatermark, long newWatermark, IReadOnlyList<PlannedAlert> alerts, IReadOnlyList<PlannedDigest> digests, DateTimeOffset now)
    {
        using var connection = database.Connect();
        // PostgreSQL's shared buffers are the server's business; only SQLite's per-connection cache is sized here.
        if (database.Dialect.IsPostgres) return CommitLocked(connection, expectedWatermark, newWatermark, alerts, digests, now);
        // A scan at thousands of subscriptions writes rows all over the alerted index: give this write a page
        // cache that holds it (the default 2 MB makes most inserts a page miss), and hand the connection back as it was.
        Pragma(connection, "PRAGMA cache_size = -32768");
        try
        {
            return CommitLocked(connection, expectedWatermark, newWatermark, alerts, digests, now);
        }
        finally
        {
            Pragma(connection, "PRAGMA cache_size = -2000");
        }
    }

    private static bool CommitLocked(
        DbConnection connection, long expectedWatermark, long newWatermark, IReadOnlyList<PlannedAlert> alerts, IReadOnlyList<PlannedDigest> digests, DateTimeOffset now)
    {
        using var tx = connection.BeginTransaction(deferred: false);
        if (Watermark(connection, tx) != expectedWatermark) return false;
        // One prepared statement for every alerted row of the scan (a batch can hold tens of thousands).
        using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = """
            INSERT INTO alerted (subscription_id, canonical_url, article_id, created, delivery_id)
            VALUES ($s, $u, $a, $now, $d) ON CONFLICT DO NOTHING
            """;
        var (s, u, a, d) = (insert.AddTyped("$s", DbType.Int64), insert.AddTyped("$u", DbType.String),
            insert.AddTyped("$a", DbType.Int64), insert.AddTyped("$d", DbType.Int64));
        insert.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        using var outbox = DeliveryStore.InsertCommand(connection, tx);
        foreach (var alert in alerts)
        {
            var deliveryId = alert.Delivery is null ? null : DeliveryStore.Insert(outbox, alert.Delivery);
            s.Value = alert.SubscriptionId;
            d.Value = (object?)deliveryId ?? DBNull.Value;
            foreach (var article in alert.Articles)
            {
                u.Value = article.CanonicalUrl;
                a.Value = article.Id;
                insert.ExecuteNonQuery();
            }
        }
        foreach (var digest in digests)
        {
            var deliveryId = DeliveryStore.Insert(connection, tx, digest.Delivery);
            foreach (var articleId in digest.ArticleIds)
                Execute(connection, tx, "UPDATE alerted SET delivery_id = $d WHERE subscription_id = $s AND article_id = $a AND delivery_id IS NULL",
                    ("$d", (object?)deliveryId ?? 0L), ("$s", digest.SubscriptionId), ("$a", articleId));
            Execute(connection, tx, "UPDATE subscriptions SET last_digest = $at WHERE id = $s",
                ("$at", digest.At.ToUnixTimeMilliseconds()), ("$s", digest.SubscriptionId));
        }
        Execute(connection, tx, "INSERT INTO alert_state (id, watermark) VALUES (1, $w) ON CONFLICT(id) DO UPDATE SET watermark = $w",
            ("$w", newWatermark));
        tx.Commit();
        return true;
    }

    private static void Pragma(DbConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static long Watermark(DbConnection connection, DbTransaction? tx)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """
            SELECT COALESCE((SELECT watermark FROM alert_state WHERE id = 1),
                            (SELECT MIN(start_after) FROM subscriptions),
                            (SELECT MAX(id) FROM articles), 0)
            """;
        return Convert.ToInt64(cmd.ExecuteScalar());
    }

    private static void Execute(DbConnection connection, DbTransaction tx, string sql, params (string Name, object Value)[] parameters)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        cmd.ExecuteNonQuery();
    }

    /// <summary>Subscription ids that alerted any of these articles (a story page's "alerted by").</summary>
    public IReadOnlyList<long> SubscriptionsAlerted(IReadOnlyCollection<long> articleIds)
    {
        if (articleIds.Count == 0) return [];
        using var connection = database.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT DISTINCT subscription_id FROM alerted WHERE article_id IN ({database.Dialect.IdsFromJson("$ids")}) ORDER BY subscription_id";
        cmd.Parameters.AddWithValue("$ids", "[" + string.Join(',', articleIds) + "]");
        using var reader = cmd.ExecuteReader();
        var ids = new List<long>();
        while (reader.Read()) ids.Add(reader.GetInt64(0));
        return ids;
    }
}
