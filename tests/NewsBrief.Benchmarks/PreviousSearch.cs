using System.Globalization;
using NewsBrief.Bot.Composition;
using NewsBrief.Bot.Web;
using NewsBrief.Core.Domain;
using NewsBrief.Core.Query;
using NewsBrief.Core.Storage;

namespace NewsBrief.Benchmarks;

/// <summary>
/// The search the reading room ran before ranking moved out of the store, kept here only as the web benchmark's
/// reference: bm25 in SQL over the newest 2,000 matches in range, snippets for the best 400, every one of them read
/// in full, checked exactly and counted per topic. SQLite only.
/// </summary>
public sealed class PreviousSearch(AppServices services)
{
    private const int RankWindow = 2000;

    /// <summary>Candidates the previous finder checked (the current one checks <see cref="ArticleFinder.Candidates"/>).</summary>
    public const int Candidates = 400;
    private static readonly string QualifiedColumns = string.Join(", ", "id, source_id, url, canonical_url, guid, title, description, text, author, published, fetched, language, content_hash, story_id".Split(", ").Select(c => "a." + c));

    /// <summary>The store statement alone: the number of rows it returns.</summary>
    public int Statement(string match, DateTimeOffset from, DateTimeOffset to, int limit) => Rows(match, from, to, limit).Count;

    /// <summary>As <see cref="ArticleFinder.Find"/> was (rank order only).</summary>
    public FindResult Find(TopicQuery query, DateTimeOffset from, DateTimeOffset to, int limit, bool newestFirst)
    {
        var candidates = Rows(FullTextExpression.For(query)!, from, to, Candidates);
        var matched = new List<FoundArticle>();
        var counts = new int[services.Config.Topics.Count];
        foreach (var candidate in candidates)
        {
            var a = candidate.Article;
            var terms = DocumentTerms.From(new QueryDocument(a.Title, a.BodyOrDescription, a.SourceId, services.Sources.NameOf(a.SourceId)));
            if (!query.Matches(terms)) continue;
            matched.Add(candidate);
            for (var t = 0; t < counts.Length; t++)
                if (services.Config.Topics[t].Query.Matches(terms)) counts[t]++;
        }
        var topics = services.Config.Topics.Select((t, i) => new TopicCount(t.Topic.Name, counts[i])).Where(c => c.Count > 0).ToList();
        return new FindResult(matched.Take(limit).ToList(), matched.Count, candidates.Count >= Candidates, topics);
    }

    private List<FoundArticle> Rows(string match, DateTimeOffset from, DateTimeOffset to, int limit)
    {
        using var connection = services.Database.Connect();
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
            floor = cut.ExecuteScalar() is { } id and not DBNull ? Convert.ToInt64(id, CultureInfo.InvariantCulture) : long.MinValue;
        }
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"""
            WITH best AS MATERIALIZED (
                SELECT f.rowid AS id, bm25(articles_fts, 10.0, 1.0) AS score
                FROM articles_fts f JOIN articles a ON a.id = f.rowid
                WHERE articles_fts MATCH $match AND f.rowid >= $floor AND COALESCE(a.published, a.fetched) BETWEEN $from AND $to
                ORDER BY score, a.id DESC LIMIT $limit)
            SELECT {QualifiedColumns}, best.score, snippet(articles_fts, -1, char(57344), char(57345), '…', 24)
            FROM articles_fts f CROSS JOIN best ON best.id = f.rowid JOIN articles a ON a.id = best.id
            WHERE articles_fts MATCH $match AND f.rowid >= $floor
            ORDER BY best.score, best.id DESC
            """;
        Bind(cmd, match, from, to);
        cmd.Parameters.AddWithValue("$floor", floor);
        cmd.Parameters.AddWithValue("$limit", limit);
        using var reader = cmd.ExecuteReader();
        var rows = new List<FoundArticle>();
        while (reader.Read())
            rows.Add(new FoundArticle(ReadArticle(reader), reader.IsDBNull(15) ? "" : reader.GetString(15)));
        return rows;
    }

    private static Article ReadArticle(System.Data.Common.DbDataReader r) => new()
    {
        Id = r.GetInt64(0), SourceId = r.GetString(1), Url = r.GetString(2), CanonicalUrl = r.GetString(3),
        Guid = r.IsDBNull(4) ? null : r.GetString(4), Title = r.GetString(5), Description = r.IsDBNull(6) ? null : r.GetString(6),
        Text = r.IsDBNull(7) ? null : r.GetString(7), Author = r.IsDBNull(8) ? null : r.GetString(8),
        Published = r.IsDBNull(9) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(9)),
        Fetched = DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(10)), Language = r.IsDBNull(11) ? null : r.GetString(11),
        ContentHash = r.GetString(12), StoryId = r.IsDBNull(13) ? null : r.GetInt64(13),
    };

    private static void Bind(System.Data.Common.DbCommand cmd, string match, DateTimeOffset from, DateTimeOffset to)
    {
        cmd.Parameters.AddWithValue("$match", match);
        cmd.Parameters.AddWithValue("$from", from.ToUnixTimeMilliseconds());
        cmd.Parameters.AddWithValue("$to", to.ToUnixTimeMilliseconds());
    }
}
