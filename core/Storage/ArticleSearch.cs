using NewsBrief.Core.Domain;

namespace NewsBrief.Core.Storage;

/// <summary>
/// Full-text search over the stored articles (SQLite FTS5, kept in sync with <c>articles</c> by triggers; on
/// PostgreSQL a generated tsvector with a GIN index, the same expression translated by <see cref="PostgresTextQuery"/>):
/// the newest matches in a date range, walked newest first through the index, and snippets for the few shown.
/// Ranking is not done here: the caller checks each match exactly with the query language and ranks them from the
/// same split words (<c>Bm25Ranker</c>), so a word in a third of the archive costs what a rare one does.
/// </summary>
public sealed class ArticleSearch(NewsBriefDatabase database)
{
    /// <summary>Marks around a match in a snippet: private-use characters, which no article text carries, so a renderer can encode first and mark after.</summary>
    public const char MarkStart = '\uE000';
    public const char MarkEnd = '\uE001';

    private static readonly string QualifiedColumns = string.Join(", ", ArticleStore.Columns.Split(", ").Select(c => "a." + c));

    /// <summary>
    /// The newest (by store order) <paramref name="limit"/> articles matching an FTS5 expression (see
    /// <c>FullTextExpression</c>) and dated within [from, to], newest first.
    /// </summary>
    public IReadOnlyList<Article> Newest(string match, DateTimeOffset from, DateTimeOffset to, int limit)
    {
        var postgres = database.Dialect.IsPostgres;
        using var connection = database.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = postgres ? PostgresNewestSql : SqliteNewestSql;
        cmd.Parameters.AddWithValue("$match", postgres ? PostgresTextQuery.FromFts5(match) : match);
        cmd.Parameters.AddWithValue("$from", from.ToUnixTimeMilliseconds());
        cmd.Parameters.AddWithValue("$to", to.ToUnixTimeMilliseconds());
        cmd.Parameters.AddWithValue("$limit", limit);
        using var reader = cmd.ExecuteReader();
        var articles = new List<Article>();
        while (reader.Read()) articles.Add(ArticleStore.Read(reader));
        return articles;
    }

    /// <summary>
    /// Text around the matches of the expression in each of the given articles (those it does not match are left
    /// out), each match between <see cref="MarkStart"/> and <see cref="MarkEnd"/>: one pass over just these texts.
    /// </summary>
    public IReadOnlyDictionary<long, string> Snippets(string match, IReadOnlyCollection<long> ids)
    {
        var snippets = new Dictionary<long, string>(ids.Count);
        if (ids.Count == 0) return snippets;
        var postgres = database.Dialect.IsPostgres;
        using var connection = database.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = postgres ? PostgresSnippetSql : SqliteSnippetSql;
        cmd.Parameters.AddWithValue("$match", postgres ? PostgresTextQuery.FromFts5(match) : match);
        cmd.Parameters.AddWithValue("$ids", "[" + string.Join(',', ids) + "]");
        if (postgres) cmd.Parameters.AddWithValue("$headline", HeadlineOptions);
        using var reader = cmd.ExecuteReader();
        while (reader.Read()) snippets[reader.GetInt64(0)] = reader.IsDBNull(1) ? "" : reader.GetString(1);
        return snippets;
    }

    /// <summary>FTS5 walks its index in rowid order, so newest first stops after the limit instead of reading every match.</summary>
    private static readonly string SqliteNewestSql = $"""
        SELECT {QualifiedColumns} FROM articles_fts f JOIN articles a ON a.id = f.rowid
        WHERE articles_fts MATCH $match AND COALESCE(a.published, a.fetched) BETWEEN $from AND $to
        ORDER BY f.rowid DESC LIMIT $limit
        """;

    /// <summary>
    /// One walk of the matches between the lowest and highest id asked (a seek per id would open every term's
    /// index again, thousands of them for a prefix); the snippet is made only for the ids asked
    /// (the unary + keeps the planner from turning the IN list into those seeks).
    /// </summary>
    private const string SqliteSnippetSql = """
        SELECT f.rowid, snippet(articles_fts, -1, char(57344), char(57345), '…', 24)
        FROM articles_fts f
        WHERE articles_fts MATCH $match
          AND f.rowid BETWEEN (SELECT min(value) FROM json_each($ids)) AND (SELECT max(value) FROM json_each($ids))
          AND +f.rowid IN (SELECT value FROM json_each($ids))
        """;

    private static readonly string PostgresNewestSql = $"""
        SELECT {ArticleStore.Columns} FROM articles
        WHERE search @@ to_tsquery('simple', $match) AND COALESCE(published, fetched) BETWEEN $from AND $to
        ORDER BY id DESC LIMIT $limit
        """;

    /// <summary>PostgreSQL: ts_headline over the title and body, for the given rows only.</summary>
    private static readonly string PostgresSnippetSql = $"""
        SELECT a.id, ts_headline('simple', a.title || ' — ' || COALESCE(a.text, a.description, ''), q, $headline)
        FROM articles a, to_tsquery('simple', $match) AS q
        WHERE a.id IN ({SqlDialect.Postgres.IdsFromJson("$ids")}) AND a.search @@ q
        """;

    private static readonly string HeadlineOptions = $"StartSel=\"{MarkStart}\", StopSel=\"{MarkEnd}\", MaxWords=24, MinWords=8, ShortWord=1, MaxFragments=2, FragmentDelimiter=\" … \"";
}
