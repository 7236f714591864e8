using System.Data.Common;
using NewsBrief.Core.Domain;

namespace NewsBrief.Core.Storage;

/// <summary>
/// Stored stories: the <c>stories</c> rows, <c>articles.story_id</c>, the topics each story is filed under, and
/// the merges (an id merged away resolves to the story it joined). Story assignment writes through
/// <see cref="Apply"/>; briefs, alerts and the CLI read stories here and never group articles themselves.
/// </summary>
public sealed class StoryStore(NewsBriefDatabase database)
{
    /// <summary>Writes one batch of assignment decisions in one transaction.</summary>
    public void Apply(StoryChanges changes)
    {
        if (changes.IsEmpty) return;
        lock (database.WriteLock)
        {
            using var connection = database.Connect();
            using var tx = connection.BeginTransaction();
            foreach (var row in changes.Stories) UpsertStory(connection, tx, row);
            foreach (var (articleId, storyId) in changes.Assignments)
                Execute(connection, tx, "UPDATE articles SET story_id = $s WHERE id = $a", ("$s", storyId), ("$a", articleId));
            foreach (var (oldId, newId) in changes.Merges)
            {
                Execute(connection, tx, "UPDATE articles SET story_id = $new WHERE story_id = $old", ("$new", newId), ("$old", oldId));
                Execute(connection, tx, $"""
                    UPDATE stories SET first_seen = {database.Dialect.Least("first_seen", "COALESCE((SELECT first_seen FROM stories WHERE id = $old), first_seen)")},
                        last_updated = {database.Dialect.Greatest("last_updated", "COALESCE((SELECT last_updated FROM stories WHERE id = $old), last_updated)")}
                    WHERE id = $new
                    """, ("$new", newId), ("$old", oldId));
                Execute(connection, tx, "UPDATE story_merges SET new_id = $new WHERE new_id = $old", ("$new", newId), ("$old", oldId));
                Execute(connection, tx, "INSERT INTO story_merges (old_id, new_id, merged) VALUES ($old, $new, $at) ON CONFLICT(old_id) DO UPDATE SET new_id = excluded.new_id, merged = excluded.merged",
                    ("$old", oldId), ("$new", newId), ("$at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
                Execute(connection, tx, "DELETE FROM stories WHERE id = $old", ("$old", oldId));
            }
            foreach (var v in changes.Vectors)
                Execute(connection, tx, "INSERT INTO article_vectors (article_id, model, vector) VALUES ($a, $m, $v) ON CONFLICT(article_id) DO UPDATE SET model = excluded.model, vector = excluded.vector",
                    ("$a", v.ArticleId), ("$m", v.Model), ("$v", VectorBlob.ToBytes(v.Vector)));
            foreach (var (storyId, topics) in changes.Topics)
            {
                Execute(connection, tx, "DELETE FROM story_topics WHERE story_id = $s", ("$s", storyId));
                for (var i = 0; i < topics.Count; i++)
                    Execute(connection, tx, "INSERT INTO story_topics (story_id, position, topic) VALUES ($s, $p, $t)", ("$s", storyId), ("$p", i), ("$t", topics[i]));
            }
            tx.Commit();
        }
    }

    /// <summary>The id the next new story gets: ids are never reused, not even those merged away.</summary>
    public long NextId()
    {
        using var connection = database.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT MAX(m) FROM (SELECT MAX(id) AS m FROM stories UNION ALL SELECT MAX(old_id) FROM story_merges) AS ids";
        return (cmd.ExecuteScalar() is long max ? max : 0) + 1;
    }

    /// <summary>The story an id stands for now (itself, or the story it was merged into); null when there is none.</summary>
    public long? Resolve(long id)
    {
        using var connection = database.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            SELECT id FROM stories WHERE id = $id
            UNION ALL SELECT s.id FROM story_merges m JOIN stories s ON s.id = m.new_id WHERE m.old_id = $id
            LIMIT 1
            """;
        cmd.Parameters.AddWithValue("$id", id);
        return cmd.ExecuteScalar() is long found ? found : null;
    }

    /// <summary>The headlines of the stories among the ids (ids that are not stories now are left out).</summary>
    public IReadOnlyDictionary<long, string> Headlines(IReadOnlyCollection<long> ids)
    {
        var result = new Dictionary<long, string>();
        if (ids.Count == 0) return result;
        using var connection = database.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT id, headline FROM stories WHERE id IN ({database.Dialect.IdsFromJson("$ids")})";
        cmd.Parameters.AddWithValue("$ids", "[" + string.Join(',', ids) + "]");
        using var r = cmd.ExecuteReader();
        while (r.Read()) result[r.GetInt64(0)] = r.GetString(1);
        return result;
    }

    /// <summary>One story with all its articles (an old, merged id gives the story it joined).</summary>
    public Story? Get(long id)
    {
        if (Resolve(id) is not { } current) return null;
        using var connection = database.Connect();
        var articles = ReadArticles(connection, "story_id = $id", 1_000_000, ("$id", current));
        return Build(connection, articles).FirstOrDefault();
    }

    /// <summary>
    /// The stories of the articles dated within [from, to], each holding only those articles, newest story first.
    /// Articles not yet assigned (stored before assignment existed, or an interrupted poll) come as stories of one
    /// article with id 0 until the next poll assigns them.
    /// </summary>
    public IReadOnlyList<Story> InWindow(DateTimeOffset from, DateTimeOffset to, int limit = 5000)
    {
        using var connection = database.Connect();
        var articles = ReadArticles(connection, "COALESCE(published, fetched) BETWEEN $from AND $to", limit,
            ("$from", from.ToUnixTimeMilliseconds()), ("$to", to.ToUnixTimeMilliseconds()));
        return Build(connection, articles).OrderByDescending(s => s.LastUpdated).ThenByDescending(s => s.Id).ToList();
    }

    /// <summary>
    /// What assignment needs of the articles dated since <paramref name="since"/> and of every unassigned one, in time
    /// order; with <paramref name="vectorModel"/>, each article's stored vector of that model (read back, never recomputed).
    /// </summary>
    public IReadOnlyList<StoryIndexRow> IndexRows(DateTimeOffset since, int leadChars, string? vectorModel = null)
    {
        using var connection = database.Connect();
        using var cmd = connection.CreateCommand();
        var vector = vectorModel is null ? "NULL" : "(SELECT v.vector FROM article_vectors v WHERE v.article_id = articles.id AND v.model = $model)";
        cmd.CommandText = $"""
            SELECT id, story_id, title, substr(COALESCE(NULLIF(text, ''), NULLIF(description, ''), ''), 1, $lead), COALESCE(published, fetched), source_id, {vector}
            FROM articles WHERE COALESCE(published, fetched) >= $since OR story_id IS NULL
            ORDER BY COALESCE(published, fetched), id
            """;
        cmd.Parameters.AddWithValue("$since", since.ToUnixTimeMilliseconds());
        cmd.Parameters.AddWithValue("$lead", leadChars);
        if (vectorModel is not null) cmd.Parameters.AddWithValue("$model", vectorModel);
        using var r = cmd.ExecuteReader();
        var rows = new List<StoryIndexRow>();
        while (r.Read())
            rows.Add(new StoryIndexRow(r.GetInt64(0), r.IsDBNull(1) ? null : r.GetInt64(1), r.GetString(2), r.GetString(3),
                DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(4)), r.GetString(5),
                r.IsDBNull(6) ? null : VectorBlob.FromBytes((byte[])r.GetValue(6))));
        return rows;
    }

    /// <summary>The latest <paramref name="limit"/> articles matching <paramref name="where"/>, returned oldest first.</summary>
    private static List<Article> ReadArticles(DbConnection connection, string where, int limit, params (string Name, object Value)[] parameters)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT {ArticleStore.Columns} FROM articles WHERE {where} ORDER BY COALESCE(published, fetched) DESC, id DESC LIMIT $limit";
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        cmd.Parameters.AddWithValue("$limit", limit);
        using var reader = cmd.ExecuteReader();
        var list = new List<Article>();
        while (reader.Read()) list.Add(ArticleStore.Read(reader));
        list.Reverse();
        return list;
    }

    /// <summary>Groups articles (in time order) by their story and joins each story's row and topics.</summary>
    private static List<Story> Build(DbConnection connection, List<Article> articles)
    {
        var ids = articles.Where(a => a.StoryId is not null).Select(a => a.StoryId!.Value).Distinct().ToList();
        var rows = new Dictionary<long, (string Headline, DateTimeOffset First, DateTimeOffset Last)>();
        var topics = new Dictionary<long, List<string>>();
        if (ids.Count > 0)
        {
            var json = "[" + string.Join(',', ids) + "]";
            using (var cmd = connection.CreateCommand())
            {
                cmd.CommandText = $"SELECT id, headline, first_seen, last_updated FROM stories WHERE id IN ({SqlDialect.Of(connection).IdsFromJson("$ids")})";
                cmd.Parameters.AddWithValue("$ids", json);
                using var r = cmd.ExecuteReader();
                while (r.Read())
                    rows[r.GetInt64(0)] = (r.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(2)), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(3)));
            }
            using (var cmd = connection.CreateCommand())
            {
                cmd.CommandText = $"SELECT story_id, topic FROM story_topics WHERE story_id IN ({SqlDialect.Of(connection).IdsFromJson("$ids")}) ORDER BY story_id, position";
                cmd.Parameters.AddWithValue("$ids", json);
                using var r = cmd.ExecuteReader();
                while (r.Read())
                {
                    if (!topics.TryGetValue(r.GetInt64(0), out var list)) topics[r.GetInt64(0)] = list = [];
                    list.Add(r.GetString(1));
                }
            }
        }
        var stories = new List<Story>();
        foreach (var group in articles.GroupBy(a => a.StoryId is { } id && rows.ContainsKey(id) ? id : -a.Id))
        {
            var members = group.ToList();
            if (group.Key > 0)
            {
                var row = rows[group.Key];
                stories.Add(new Story
                {
                    Id = group.Key, Headline = row.Headline, FirstSeen = row.First, LastUpdated = row.Last, Articles = members,
                    Topics = topics.TryGetValue(group.Key, out var t) ? t : [],
                });
            }
            else
            {
                stories.Add(new Story { Id = 0, Headline = members[0].Title, FirstSeen = members[0].DatedAt, LastUpdated = members[0].DatedAt, Articles = members });
            }
        }
        return stories;
    }

    private static void UpsertStory(DbConnection c, DbTransaction tx, StoryRow row) => Execute(c, tx, $"""
        INSERT INTO stories (id, first_seen, last_updated, headline) VALUES ($id, $first, $last, $headline)
        ON CONFLICT(id) DO UPDATE SET first_seen = {SqlDialect.Of(c).Least("stories.first_seen", "excluded.first_seen")},
            last_updated = {SqlDialect.Of(c).Greatest("stories.last_updated", "excluded.last_updated")}, headline = excluded.headline
        """, ("$id", row.Id), ("$first", row.FirstSeen.ToUnixTimeMilliseconds()), ("$last", row.LastUpdated.ToUnixTimeMilliseconds()), ("$headline", row.Headline));

    private static void Execute(DbConnection c, DbTransaction tx, string sql, params (string Name, object Value)[] parameters)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        cmd.ExecuteNonQuery();
    }
}
