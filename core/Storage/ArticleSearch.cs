using System.Globalization;
using NewsBrief.Core.Domain;

namespace NewsBrief.Core.Storage;

/// <summary>One full-text hit: the article, its bm25 score (lower is better) and a snippet.</summary>
/// <param name="Snippet">Text around the matches, each match between <see cref="ArticleSearch.MarkStart"/> and <see cref="ArticleSearch.MarkEnd"/>.</param>
public sealed record SearchHit(Article Article, double Score, string Snippet);

/// <summary>
/// Full-text search over the stored articles (SQLite FTS5, kept in sync with <c>articles</c> by triggers):
/// bm25 ranking with the title weighted over the body, snippets, and a date range. Ranking is bounded: only
/// the newest <see cref="RankWindow"/> matches in the range are scored, so a word in a third of the archive
/// costs about what a rare one does.
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

    private static readonly string Columns = string.Join(", ", ArticleStore.Columns.Split(", ").Select(c => "a." + c));

    /// <summary>
    /// The best-ranked articles matching an FTS5 expression (see <see cref="Query.FullTextExpression"/>), dated
    /// within [from, to], best first, among the newest <see cref="RankWindow"/> such matches.
    /// </summary>
    public IReadOnlyList<SearchHit> Search(string match, DateTimeOffset from, DateTimeOffset to, int limit)
    {
        using var connection = database.Connect();
        // Step 1: the id of the RankWindow-th newest match in range (none when fewer match): walking the index
        // newest first is cheap, it is the scoring that costs.
        long floor;
        using (var cut = connection.CreateCommand())
        {
            cut.CommandText = """
                SELECT f.rowid FROM articles_fts f JOIN articles a ON a.id = f.rowid
                WHERE articles_fts MATCH $match AND COALESCE(a.published, a.fetched) BETWEEN $from AND $to
                ORDER BY f.rowid DESC LIMIT 1 OFFSET $offset
                """;
            Bind(cut, match, from, to);
            cut.Parameters.AddWithValue("$offset", RankWindow - 1);
            floor = cut.ExecuteScalar() is long id ? id : long.MinValue;
        }
        // Step 2: score only the matches at or above that id, keep the best, and snippet just those (a snippet re-reads
        // the text, so it is made after the cut; CROSS JOIN keeps the index scan outside and the few kept ids inside).
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"""
            WITH best AS MATERIALIZED (
                SELECT f.rowid AS id, bm25(articles_fts, {TitleWeight.ToString(CultureInfo.InvariantCulture)}, 1.0) AS score
                FROM articles_fts f JOIN articles a ON a.id = f.rowid
                WHERE articles_fts MATCH $match AND f.rowid >= $floor AND COALESCE(a.published, a.fetched) BETWEEN $from AND $to
                ORDER BY score, a.id DESC LIMIT $limit)
            SELECT {Columns}, best.score, snippet(articles_fts, -1, char(57344), char(57345), '…', 24)
            FROM articles_fts f CROSS JOIN best ON best.id = f.rowid JOIN articles a ON a.id = best.id
            WHERE articles_fts MATCH $match AND f.rowid >= $floor
            ORDER BY best.score, best.id DESC
            """;
        Bind(cmd, match, from, to);
        cmd.Parameters.AddWithValue("$floor", floor);
        cmd.Parameters.AddWithValue("$limit", limit);
        using var reader = cmd.ExecuteReader();
        var hits = new List<SearchHit>();
        var columns = ArticleStore.ColumnCount;
        while (reader.Read())
            hits.Add(new SearchHit(ArticleStore.Read(reader), reader.GetDouble(columns), reader.IsDBNull(columns + 1) ? "" : reader.GetString(columns + 1)));
        return hits;
    }

    private static void Bind(Microsoft.Data.Sqlite.SqliteCommand cmd, string match, DateTimeOffset from, DateTimeOffset to)
    {
        cmd.Parameters.AddWithValue("$match", match);
        cmd.Parameters.AddWithValue("$from", from.ToUnixTimeMilliseconds());
        cmd.Parameters.AddWithValue("$to", to.ToUnixTimeMilliseconds());
    }
}
