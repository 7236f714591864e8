using NewsBrief.Core.Domain;

namespace NewsBrief.Core.Storage;

/// <summary>One full-text hit: the article, its bm25 score (lower is better) and a snippet.</summary>
/// <param name="Snippet">Text around the matches, each match between <see cref="ArticleSearch.MarkStart"/> and <see cref="ArticleSearch.MarkEnd"/>.</param>
public sealed record SearchHit(Article Article, double Score, string Snippet);

/// <summary>
/// Full-text search over the stored articles (SQLite FTS5, kept in sync with <c>articles</c> by triggers; on
/// PostgreSQL a generated tsvector with a GIN index, the same expression translated by <see cref="PostgresTextQuery"/>):
/// bm25 ranking with the title weighted over the body, snippets, and a date range.
/// </summary>
public sealed class ArticleSearch(NewsBriefDatabase database)
{
    /// <summary>Marks around a match in a snippet: private-use characters, which no article text carries, so a renderer can encode first and mark after.</summary>
    public const char MarkStart = '\uE000';
    public const char MarkEnd = '\uE001';

    /// <summary>The title counts this many times a body match.</summary>
    public const double TitleWeight = 10.0;

    /// <summary>
    /// The best-ranked articles matching an FTS5 expression (see <see cref="Query.FullTextExpression"/>), dated
    /// within [from, to], best first.
    /// </summary>
    public IReadOnlyList<SearchHit> Search(string match, DateTimeOffset from, DateTimeOffset to, int limit)
    {
        using var connection = database.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = database.Dialect.IsPostgres ? PostgresSearchSql : SqliteSearchSql;
        cmd.Parameters.AddWithValue("$match", database.Dialect.IsPostgres ? PostgresTextQuery.FromFts5(match) : match);
        cmd.Parameters.AddWithValue("$from", from.ToUnixTimeMilliseconds());
        cmd.Parameters.AddWithValue("$to", to.ToUnixTimeMilliseconds());
        cmd.Parameters.AddWithValue("$limit", limit);
        if (database.Dialect.IsPostgres) cmd.Parameters.AddWithValue("$headline", HeadlineOptions);
        using var reader = cmd.ExecuteReader();
        var hits = new List<SearchHit>();
        var columns = ArticleStore.ColumnCount;
        while (reader.Read())
            hits.Add(new SearchHit(ArticleStore.Read(reader), reader.GetDouble(columns), reader.IsDBNull(columns + 1) ? "" : reader.GetString(columns + 1)));
        return hits;
    }

    private static readonly string SqliteSearchSql = $"""
        SELECT {ArticleStore.Columns}, f.score, f.snip
        FROM (SELECT rowid, bm25(articles_fts, {TitleWeight.ToString(System.Globalization.CultureInfo.InvariantCulture)}, 1.0) AS score,
                     snippet(articles_fts, -1, char(57344), char(57345), '…', 24) AS snip
              FROM articles_fts WHERE articles_fts MATCH $match) f
        JOIN articles a ON a.id = f.rowid
        WHERE COALESCE(a.published, a.fetched) BETWEEN $from AND $to
        ORDER BY f.score, a.id DESC LIMIT $limit
        """;

    /// <summary>
    /// PostgreSQL: the generated tsvector (title weight A, body B) through its GIN index, ranked by ts_rank with A
    /// counting <see cref="TitleWeight"/> times B, negated so that lower is better as with bm25. Snippets
    /// (ts_headline) are made for the returned rows only.
    /// </summary>
    private static readonly string PostgresSearchSql = $"""
        SELECT {ArticleStore.Columns}, f.score,
               ts_headline('simple', a.title || ' — ' || COALESCE(a.text, a.description, ''), f.q, $headline)
        FROM (SELECT s.id AS hit_id, q, -ts_rank(ARRAY[0, 0, 1.0 / {TitleWeight.ToString(System.Globalization.CultureInfo.InvariantCulture)}, 1.0]::float4[], s.search, q) AS score
              FROM articles s, to_tsquery('simple', $match) AS q
              WHERE s.search @@ q AND COALESCE(s.published, s.fetched) BETWEEN $from AND $to
              ORDER BY score, s.id DESC LIMIT $limit) f
        JOIN articles a ON a.id = f.hit_id
        ORDER BY f.score, a.id DESC
        """;

    private static readonly string HeadlineOptions = $"StartSel=\"{MarkStart}\", StopSel=\"{MarkEnd}\", MaxWords=24, MinWords=8, ShortWord=1, MaxFragments=2, FragmentDelimiter=\" … \"";
}
