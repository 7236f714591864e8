using System.Data.Common;
using NewsBrief.Core.Domain;

namespace NewsBrief.Core.Storage;

/// <summary>What an upsert of a batch did.</summary>
public sealed record UpsertOutcome(IReadOnlyList<Article> Inserted, IReadOnlyList<Article> Updated, int Unchanged);

/// <summary>
/// Stored articles. An article is one row per canonical URL, or per (source, guid): storing the same
/// article again changes nothing; a changed one (another content hash) is updated in place.
/// </summary>
public sealed class ArticleStore(NewsBriefDatabase database)
{
    /// <summary>The PostgreSQL advisory lock that orders insert batches before the alert scan's reads.</summary>
    internal const long InsertLockKey = 0x4E42415254494453;

    private static void Execute(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction tx, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    /// <summary>The database these articles live in (story assignment writes beside them).</summary>
    public NewsBriefDatabase Database => database;

    internal const string Columns = "id, source_id, url, canonical_url, guid, title, description, text, author, published, fetched, language, content_hash, story_id";
    internal const int ColumnCount = 14;

    /// <summary>Times a batch is tried again after PostgreSQL chose it as a deadlock's victim.</summary>
    internal const int DeadlockRetries = 3;

    /// <summary>
    /// Stores a batch in one transaction. On PostgreSQL two workers storing overlapping batches in different orders
    /// can each wait on a row the other inserted; the server then aborts one of them (a deadlock), and that batch is
    /// simply stored again: its rolled-back inserts left nothing behind, and the rows the other worker committed are
    /// now found as existing.
    /// </summary>
    public UpsertOutcome Upsert(IReadOnlyList<Article> articles)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                lock (database.WriteLock) return UpsertLocked(articles);
            }
            catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.DeadlockDetected && attempt < DeadlockRetries)
            {
                // the victim's transaction is rolled back whole; try the batch again
            }
        }
    }

    private UpsertOutcome UpsertLocked(IReadOnlyList<Article> articles)
    {
        using var connection = database.Connect();
        using var tx = connection.BeginTransaction();
        // Before any id is drawn: the alert scan's reader waits for every batch holding this (see After).
        if (database.Dialect.IsPostgres) Execute(connection, tx, $"SELECT pg_advisory_xact_lock_shared({InsertLockKey})");
        var inserted = new List<Article>();
        var updated = new List<Article>();
        var unchanged = 0;
        foreach (var article in articles)
        {
            var existing = FindExisting(connection, tx, article.CanonicalUrl, article.SourceId, article.Guid, article.ContentHash, IsSubstantive(article));
            if (existing is null)
            {
                // Null: another worker stored the same article between the look-up and the insert (PostgreSQL
                // workers share the table); it is stored, so this copy changes nothing.
                if (Insert(connection, tx, article) is { } id) inserted.Add(article with { Id = id });
                else unchanged++;
            }
            else if (existing.ContentHash != article.ContentHash || (article.Text is not null && existing.Text is null))
            {
                Update(connection, tx, existing.Id, article);
                updated.Add(article with { Id = existing.Id, StoryId = existing.StoryId, Text = article.Text ?? existing.Text });
            }
            else
            {
                unchanged++;
            }
        }
        tx.Commit();
        return new UpsertOutcome(inserted, updated, unchanged);
    }

    /// <summary>Whether an article with this canonical URL or (source, guid) is stored already (so its page needs no new fetch).</summary>
    public bool Exists(string canonicalUrl, string sourceId, string? guid)
    {
        using var connection = database.Connect();
        return FindExisting(connection, null, canonicalUrl, sourceId, guid) is not null;
    }

    public Article? Get(long id)
    {
        using var connection = database.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT {Columns} FROM articles WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", id);
        using var reader = cmd.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }

    /// <summary>Articles dated (published, else fetched) within [from, to], newest first.</summary>
    public IReadOnlyList<Article> InWindow(DateTimeOffset from, DateTimeOffset to, int limit = 5000)
    {
        using var connection = database.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"""
            SELECT {Columns} FROM articles
            WHERE COALESCE(published, fetched) BETWEEN $from AND $to
            ORDER BY COALESCE(published, fetched) DESC, id DESC LIMIT $limit
            """;
        cmd.Parameters.AddWithValue("$from", from.ToUnixTimeMilliseconds());
        cmd.Parameters.AddWithValue("$to", to.ToUnixTimeMilliseconds());
        cmd.Parameters.AddWithValue("$limit", limit);
        using var reader = cmd.ExecuteReader();
        var list = new List<Article>();
        while (reader.Read()) list.Add(Read(reader));
        return list;
    }

    /// <summary>The stored articles among the ids, in id order (one query; missing ids are left out).</summary>
    public IReadOnlyList<Article> GetMany(IReadOnlyCollection<long> ids)
    {
        if (ids.Count == 0) return [];
        using var connection = database.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT {Columns} FROM articles WHERE id IN ({database.Dialect.IdsFromJson("$ids")}) ORDER BY id";
        cmd.Parameters.AddWithValue("$ids", "[" + string.Join(',', ids) + "]");
        using var reader = cmd.ExecuteReader();
        var list = new List<Article>();
        while (reader.Read()) list.Add(Read(reader));
        return list;
    }

    /// <summary>
    /// Articles stored after the one with id <paramref name="afterId"/>, in the order they were stored. On
    /// PostgreSQL, several workers insert at once and ids are drawn before their batches commit, so a
    /// lower id can become visible after a higher one: a reader past the higher id would never see it.
    /// The read therefore waits until no insert batch is in flight (each holds <see cref="InsertLockKey"/>
    /// shared); ids drawn after it are all higher than any it saw.
    /// </summary>
    public IReadOnlyList<Article> After(long afterId, int limit)
    {
        using var connection = database.Connect();
        using var tx = database.Dialect.IsPostgres ? connection.BeginTransaction() : null;
        if (tx is not null) Execute(connection, tx, $"SELECT pg_advisory_xact_lock({InsertLockKey})");
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"SELECT {Columns} FROM articles WHERE id > $after ORDER BY id LIMIT $limit";
        cmd.Parameters.AddWithValue("$after", afterId);
        cmd.Parameters.AddWithValue("$limit", limit);
        using var reader = cmd.ExecuteReader();
        var list = new List<Article>();
        while (reader.Read()) list.Add(Read(reader));
        reader.Close();
        tx?.Commit();
        return list;
    }

    /// <summary>Articles per source dated within [from, to].</summary>
    public IReadOnlyDictionary<string, int> CountBySource(DateTimeOffset from, DateTimeOffset to)
    {
        using var connection = database.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT source_id, COUNT(*) FROM articles WHERE COALESCE(published, fetched) BETWEEN $from AND $to GROUP BY source_id";
        cmd.Parameters.AddWithValue("$from", from.ToUnixTimeMilliseconds());
        cmd.Parameters.AddWithValue("$to", to.ToUnixTimeMilliseconds());
        using var reader = cmd.ExecuteReader();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        while (reader.Read()) counts[reader.GetString(0)] = reader.GetInt32(1);
        return counts;
    }

    public long Count()
    {
        using var connection = database.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM articles";
        return (long)cmd.ExecuteScalar()!;
    }

    /// <summary>
    /// The stored article this one is: same canonical URL, same (source, guid), or, when it has text enough to
    /// tell articles apart, the same content (one article reached at two addresses, e.g. syndicated).
    /// </summary>
    private static Article? FindExisting(DbConnection c, DbTransaction? tx, string canonicalUrl, string sourceId, string? guid,
        string? contentHash = null, bool substantive = false)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"""
            SELECT {Columns} FROM articles WHERE canonical_url = $canonical
            UNION ALL
            SELECT {Columns} FROM articles WHERE CAST($guid AS TEXT) IS NOT NULL AND source_id = $source AND guid = $guid
            UNION ALL
            SELECT {Columns} FROM articles WHERE $substantive AND content_hash = $hash
            LIMIT 1
            """;
        cmd.Parameters.AddWithValue("$canonical", canonicalUrl);
        cmd.Parameters.AddWithValue("$source", sourceId);
        cmd.Parameters.AddWithValue("$guid", (object?)guid ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$hash", contentHash ?? "");
        cmd.Parameters.AddWithValue("$substantive", contentHash is not null && substantive);
        using var reader = cmd.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }

    /// <summary>Text long enough that equal content means the same article, not two short notices alike.</summary>
    public const int SubstantiveDescriptionChars = 80;

    private static bool IsSubstantive(Article a) => (a.Description?.Length ?? 0) >= SubstantiveDescriptionChars;

    private static long? Insert(DbConnection c, DbTransaction tx, Article a)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """
            INSERT INTO articles (source_id, url, canonical_url, guid, title, description, text, author, published, fetched, language, content_hash, story_id)
            VALUES ($source, $url, $canonical, $guid, $title, $description, $text, $author, $published, $fetched, $language, $hash, $story)
            ON CONFLICT DO NOTHING RETURNING id
            """;
        Bind(cmd, a);
        cmd.Parameters.AddWithValue("$source", a.SourceId);
        cmd.Parameters.AddWithValue("$canonical", a.CanonicalUrl);
        cmd.Parameters.AddWithValue("$guid", (object?)a.Guid ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$fetched", a.Fetched.ToUnixTimeMilliseconds());
        cmd.Parameters.AddWithValue("$story", (object?)a.StoryId ?? DBNull.Value);
        return cmd.ExecuteScalar() is long id ? id : null;
    }

    private static void Update(DbConnection c, DbTransaction tx, long id, Article a)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """
            UPDATE articles SET url = $url, title = $title, description = $description, text = COALESCE($text, text),
                author = COALESCE($author, author), published = COALESCE($published, published),
                language = COALESCE($language, language), content_hash = $hash
            WHERE id = $id
            """;
        Bind(cmd, a);
        cmd.Parameters.AddWithValue("$id", id);
        cmd.ExecuteNonQuery();
    }

    private static void Bind(DbCommand cmd, Article a)
    {
        cmd.Parameters.AddWithValue("$url", a.Url);
        cmd.Parameters.AddWithValue("$title", a.Title);
        cmd.Parameters.AddWithValue("$description", (object?)a.Description ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$text", (object?)a.Text ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$author", (object?)a.Author ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$published", DbTime.ToDb(a.Published));
        cmd.Parameters.AddWithValue("$language", (object?)a.Language ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$hash", a.ContentHash);
    }

    internal static Article Read(DbDataReader r) => new()
    {
        Id = r.GetInt64(0),
        SourceId = r.GetString(1),
        Url = r.GetString(2),
        CanonicalUrl = r.GetString(3),
        Guid = r.IsDBNull(4) ? null : r.GetString(4),
        Title = r.GetString(5),
        Description = r.IsDBNull(6) ? null : r.GetString(6),
        Text = r.IsDBNull(7) ? null : r.GetString(7),
        Author = r.IsDBNull(8) ? null : r.GetString(8),
        Published = DbTime.FromDb(r.GetValue(9)),
        Fetched = DbTime.FromDb(r.GetValue(10))!.Value,
        Language = r.IsDBNull(11) ? null : r.GetString(11),
        ContentHash = r.GetString(12),
        StoryId = r.IsDBNull(13) ? null : r.GetInt64(13),
    };
}
