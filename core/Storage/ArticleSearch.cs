using System.Data.Common;
using System.Globalization;
using NewsBrief.Core.Domain;

namespace NewsBrief.Core.Storage;

/// <summary>One full-text hit: the article, its bm25 score (lower is better) and a snippet.</summary>
/// <param name="Snippet">Text around the matches, each match between <see cref="ArticleSearch.MarkStart"/> and <see cref="ArticleSearch.MarkEnd"/>.</param>
public sealed record SearchHit(Article Article, double Score, string Snippet);

/// <summary>
/// Full-text search over the stored articles (SQLite FTS5, kept in sync with <c>articles</c> by triggers; on
/// PostgreSQL a generated tsvector with a GIN index, the same expression translated by <see cref="PostgresTextQuery"/>):
/// bm25 ranking with the title weighted over the body, snippets, and a date range. Ranking is bounded: only the
/// newest <see cref="RankWindow"/> matches in the range are scored, so a word in a third of the archive costs about
/// what a rare one does.
/// </summary>
public sealed class ArticleSearch(NewsBriefDatabase database)
{
    /// <summary>Marks around a match in a snippet: private-use characters, which no article text carries, so a renderer can encode first and mark after.</summary>
    public const char MarkStart = '\uE000';
    public const char MarkEnd = '\uE001';

    /// <summary>The title counts this many times a body match.</summary>
    public const double TitleWeight = 10.0;

    /// <summary>
    /// Matches scored per query: the newest this many (by store order) within the date range. bm25 and the snippet
    /// cost per scored row, so scoring every match made a common word ~30x slower than a rare one; a reader of news
    /// wants the best of the recent matches, and a narrower query or date range reaches older ones.
    /// </summary>
    public const int RankWindow = 2000;

    private static readonly string Weight = TitleWeight.ToString(CultureInfo.InvariantCulture);
    private static readonly string QualifiedColumns = string.Join(", ", ArticleStore.Columns.Split(", ").Select(c => "a." + c));

    /// <summary>
    /// The best-ranked articles matching an FTS5 expression (see <see cref="Query.FullTextExpression"/>), dated
    /// within [from, to], best first, among the newest <see cref="RankWindow"/> such matches.
    /// </summary>
    public IReadOnlyList<SearchHit> Search(string match, DateTimeOffset from, DateTimeOffset to, int limit)
    {
        var postgres = database.Dialect.IsPostgres;
        var expression = postgres ? PostgresTextQuery.FromFts5(match) : match;
        using var connection = database.Connect();
        // Step 1: the id of the RankWindow-th newest match in range (none when fewer match): walking the index
        // newest first is cheap, it is the scoring that costs.
        long floor;
        using (var cut = connection.CreateCommand())
        {
            cut.CommandText = postgres ? PostgresFloorSql : SqliteFloorSql;
            Bind(cut, expression, from, to);
            cut.Parameters.AddWithValue("$offset", RankWindow - 1);
            floor = cut.ExecuteScalar() is { } id and not DBNull ? Convert.ToInt64(id, CultureInfo.InvariantCulture) : long.MinValue;
        }
        // Step 2: score only the matches at or above that id, keep the best, and snippet just those.
        using var cmd = connection.CreateCommand();
        cmd.CommandText = postgres ? PostgresSearchSql : SqliteSearchSql;
        Bind(cmd, expression, from, to);
        cmd.Parameters.AddWithValue("$floor", floor);
        cmd.Parameters.AddWithValue("$limit", limit);
        if (postgres) cmd.Parameters.AddWithValue("$headline", HeadlineOptions);
        using var reader = cmd.ExecuteReader();
        var hits = new List<SearchHit>();
        var columns = ArticleStore.ColumnCount;
        while (reader.Read())
            hits.Add(new SearchHit(ArticleStore.Read(reader), reader.GetDouble(columns), reader.IsDBNull(columns + 1) ? "" : reader.GetString(columns + 1)));
        return hits;
    }

    private static void Bind(DbCommand cmd, string match, DateTimeOffset from, DateTimeOffset to)
    {
        cmd.Parameters.AddWithValue("$match", match);
        cmd.Parameters.AddWithValue("$from", from.ToUnixTimeMilliseconds());
        cmd.Parameters.AddWithValue("$to", to.ToUnixTimeMilliseconds());
    }

    private const string SqliteFloorSql = """
        SELECT f.rowid FROM articles_fts f JOIN articles a ON a.id = f.rowid
        WHERE articles_fts MATCH $match AND COALESCE(a.published, a.fetched) BETWEEN $from AND $to
        ORDER BY f.rowid DESC LIMIT 1 OFFSET $offset
        """;

    /// <summary>A snippet re-reads the text, so it is made after the cut; CROSS JOIN keeps the index scan outside and the few kept ids inside.</summary>
    private static readonly string SqliteSearchSql = $"""
        WITH best AS MATERIALIZED (
            SELECT f.rowid AS id, bm25(articles_fts, {Weight}, 1.0) AS score
            FROM articles_fts f JOIN articles a ON a.id = f.rowid
            WHERE articles_fts MATCH $match AND f.rowid >= $floor AND COALESCE(a.published, a.fetched) BETWEEN $from AND $to
            ORDER BY score, a.id DESC LIMIT $limit)
        SELECT {QualifiedColumns}, best.score, snippet(articles_fts, -1, char(57344), char(57345), '…', 24)
        FROM articles_fts f CROSS JOIN best ON best.id = f.rowid JOIN articles a ON a.id = best.id
        WHERE articles_fts MATCH $match AND f.rowid >= $floor
        ORDER BY best.score, best.id DESC
        """;

    private const string PostgresFloorSql = """
        SELECT s.id FROM articles s
        WHERE s.search @@ to_tsquery('simple', $match) AND COALESCE(s.published, s.fetched) BETWEEN $from AND $to
        ORDER BY s.id DESC LIMIT 1 OFFSET $offset
        """;

    /// <summary>
    /// PostgreSQL: the generated tsvector (title weight A, body B) through its GIN index, ranked by ts_rank with A
    /// counting <see cref="TitleWeight"/> times B, negated so that lower is better as with bm25. Snippets
    /// (ts_headline) are made for the returned rows only.
    /// </summary>
    private static readonly string PostgresSearchSql = $"""
        SELECT {ArticleStore.Columns}, f.score,
               ts_headline('simple', a.title || ' — ' || COALESCE(a.text, a.description, ''), f.q, $headline)
        FROM (SELECT s.id AS hit_id, q, -ts_rank(ARRAY[0, 0, 1.0 / {Weight}, 1.0]::float4[], s.search, q) AS score
              FROM articles s, to_tsquery('simple', $match) AS q
              WHERE s.search @@ q AND s.id >= $floor AND COALESCE(s.published, s.fetched) BETWEEN $from AND $to
              ORDER BY score, s.id DESC LIMIT $limit) f
        JOIN articles a ON a.id = f.hit_id
        ORDER BY f.score, a.id DESC
        """;

    private static readonly string HeadlineOptions = $"StartSel=\"{MarkStart}\", StopSel=\"{MarkEnd}\", MaxWords=24, MinWords=8, ShortWord=1, MaxFragments=2, FragmentDelimiter=\" … \"";
}
