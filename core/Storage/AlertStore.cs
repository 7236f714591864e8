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

    /// <summary>Which of the canonical URLs have alerted the subscription already (or wait for its digest).</summary>
    public IReadOnlySet<string> Alerted(long subscriptionId, IEnumerable<string> canonicalUrls)
    {
        using var connection = database.Connect();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var url in canonicalUrls.Distinct())
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT 1 FROM alerted WHERE subscription_id = $s AND canonical_url = $u";
            cmd.Parameters.AddWithValue("$s", subscriptionId);
            cmd.Parameters.AddWithValue("$u", url);
            if (cmd.ExecuteScalar() is not null) seen.Add(url);
        }
        return seen;
    }

    /// <summary>Ids of the articles that alerted the subscription since <paramref name="since"/>, newest first (to tell a new story from an update).</summary>
    public IReadOnlyList<long> AlertedSince(long subscriptionId, DateTimeOffset since, int limit = 50)
    {
        using var connection = database.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT article_id FROM alerted WHERE subscription_id = $s AND created >= $since AND delivery_id IS NOT NULL ORDER BY article_id DESC LIMIT $limit";
        cmd.Parameters.AddWithValue("$s", subscriptionId);
        cmd.Parameters.AddWithValue("$since", since.ToUnixTimeMilliseconds());
        cmd.Parameters.AddWithValue("$limit", limit);
        using var reader = cmd.ExecuteReader();
        var ids = new List<long>();
        while (reader.Read()) ids.Add(reader.GetInt64(0));
        return ids;
    }

    /// <summary>Alerts (not digests) queued for the subscription since <paramref name="since"/>: what its daily cap counts.</summary>
    public int AlertsSince(long subscriptionId, DateTimeOffset since)
    {
        using var connection = database.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM deliveries WHERE subscription_id = $s AND kind = 'alert' AND created >= $since";
        cmd.Parameters.AddWithValue("$s", subscriptionId);
        cmd.Parameters.AddWithValue("$since", since.ToUnixTimeMilliseconds());
        return Convert.ToInt32(cmd.ExecuteScalar());
    }

    /// <summary>The articles waiting for the subscription's next digest, oldest first, with when each began to wait.</summary>
    public IReadOnlyList<(long ArticleId, DateTimeOffset Since)> WaitingForDigest(long subscriptionId)
    {
        using var connection = database.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT article_id, created FROM alerted WHERE subscription_id = $s AND delivery_id IS NULL ORDER BY article_id";
        cmd.Parameters.AddWithValue("$s", subscriptionId);
        using var reader = cmd.ExecuteReader();
        var waiting = new List<(long, DateTimeOffset)>();
        while (reader.Read()) waiting.Add((reader.GetInt64(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1))));
        return waiting;
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
        using var tx = connection.BeginTransaction(deferred: false);
        if (Watermark(connection, tx) != expectedWatermark) return false;
        foreach (var alert in alerts)
        {
            var deliveryId = alert.Delivery is null ? null : DeliveryStore.Insert(connection, tx, alert.Delivery);
            foreach (var article in alert.Articles)
                Execute(connection, tx, """
                    INSERT INTO alerted (subscription_id, canonical_url, article_id, created, delivery_id)
                    VALUES ($s, $u, $a, $now, $d) ON CONFLICT DO NOTHING
                    """, ("$s", alert.SubscriptionId), ("$u", article.CanonicalUrl), ("$a", article.Id),
                    ("$now", now.ToUnixTimeMilliseconds()), ("$d", (object?)deliveryId ?? DBNull.Value));
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
