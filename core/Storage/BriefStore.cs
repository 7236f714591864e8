using NewsBrief.Core.Domain;

namespace NewsBrief.Core.Storage;

/// <summary>Briefs that were produced, with the articles each cited (for "new since the last brief").</summary>
public sealed class BriefStore(NewsBriefDatabase database)
{
    /// <summary>Records a brief and the articles it cited, in one transaction; returns its id.</summary>
    public long Save(Brief brief, string scope, string document)
    {
        lock (database.WriteLock) return SaveLocked(brief, scope, document);
    }

    private long SaveLocked(Brief brief, string scope, string document)
    {
        using var connection = database.Connect();
        using var tx = connection.BeginTransaction();
        long id;
        using (var cmd = connection.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = """
                INSERT INTO briefs (created, window_from, window_to, scope, engine, document)
                VALUES ($created, $from, $to, $scope, $engine, $document) RETURNING id
                """;
            cmd.Parameters.AddWithValue("$created", brief.Created.ToUnixTimeMilliseconds());
            cmd.Parameters.AddWithValue("$from", brief.From.ToUnixTimeMilliseconds());
            cmd.Parameters.AddWithValue("$to", brief.To.ToUnixTimeMilliseconds());
            cmd.Parameters.AddWithValue("$scope", scope);
            cmd.Parameters.AddWithValue("$engine", brief.Engine.Name);
            cmd.Parameters.AddWithValue("$document", document);
            id = (long)cmd.ExecuteScalar()!;
        }
        foreach (var articleId in brief.Stories.SelectMany(s => s.Articles).Select(a => a.Id).Distinct())
        {
            using var link = connection.CreateCommand();
            link.Transaction = tx;
            link.CommandText = "INSERT INTO brief_articles (brief_id, article_id) VALUES ($brief, $article) ON CONFLICT DO NOTHING";
            link.Parameters.AddWithValue("$brief", id);
            link.Parameters.AddWithValue("$article", articleId);
            link.ExecuteNonQuery();
        }
        tx.Commit();
        return id;
    }

    /// <summary>The stored brief with this id, or null.</summary>
    public StoredBrief? Get(long id) => Query("WHERE id = $id", ("$id", id)).FirstOrDefault();

    /// <summary>The newest brief of a scope (any scope when null), or null when none was made.</summary>
    public StoredBrief? Latest(string? scope = null) =>
        Query("WHERE CAST($scope AS TEXT) IS NULL OR scope = $scope ORDER BY id DESC LIMIT 1", ("$scope", (object?)scope ?? DBNull.Value)).FirstOrDefault();

    /// <summary>Briefs newest first, those with an id below <paramref name="beforeId"/> when given (paging an archive).</summary>
    public IReadOnlyList<StoredBrief> List(int limit, long? beforeId = null) =>
        Query("WHERE CAST($before AS BIGINT) IS NULL OR id < $before ORDER BY id DESC LIMIT $limit", ("$before", (object?)beforeId ?? DBNull.Value), ("$limit", limit));

    private List<StoredBrief> Query(string where, params (string Name, object Value)[] parameters)
    {
        using var connection = database.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT id, created, window_from, window_to, scope, engine, document FROM briefs {where}";
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        using var reader = cmd.ExecuteReader();
        var list = new List<StoredBrief>();
        while (reader.Read())
            list.Add(new StoredBrief(reader.GetInt64(0), DbTime.FromDb(reader.GetValue(1))!.Value, DbTime.FromDb(reader.GetValue(2))!.Value,
                DbTime.FromDb(reader.GetValue(3))!.Value, reader.GetString(4), reader.GetString(5), reader.GetString(6)));
        return list;
    }

    /// <summary>The briefs that cited any of these articles, newest first (a story page's "carried in").</summary>
    public IReadOnlyList<StoredBrief> Citing(IReadOnlyCollection<long> articleIds, int limit = 50) =>
        articleIds.Count == 0 ? [] : Query(
            $"WHERE id IN (SELECT brief_id FROM brief_articles WHERE article_id IN ({database.Dialect.IdsFromJson("$ids")})) ORDER BY id DESC LIMIT $limit",
            ("$ids", "[" + string.Join(',', articleIds) + "]"), ("$limit", limit));

    /// <summary>Ids of the articles cited by earlier briefs of the same scope (topic, query or "all").</summary>
    public IReadOnlySet<long> ArticlesBriefedBefore(string scope)
    {
        using var connection = database.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT DISTINCT ba.article_id FROM brief_articles ba JOIN briefs b ON b.id = ba.brief_id WHERE b.scope = $scope";
        cmd.Parameters.AddWithValue("$scope", scope);
        using var reader = cmd.ExecuteReader();
        var ids = new HashSet<long>();
        while (reader.Read()) ids.Add(reader.GetInt64(0));
        return ids;
    }
}
