using System.Collections.Concurrent;
using System.Text;

namespace NewsBrief.Core.Storage;

/// <summary>
/// Rewrites the stores' <c>$name</c> parameters (SQLite's syntax) as <c>@name</c> (Npgsql's), outside string
/// literals, quoted identifiers, comments and <c>$$</c> bodies, so one SQL text serves both engines.
/// Linear in the text; results are cached (the stores' SQL is a small fixed set).
/// </summary>
internal static class PostgresSql
{
    private const int CacheLimit = 4096;
    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    public static string Translate(string sql)
    {
        if (sql.IndexOf('$') < 0) return sql;
        if (Cache.TryGetValue(sql, out var cached)) return cached;
        var translated = Rewrite(sql);
        if (Cache.Count < CacheLimit) Cache[sql] = translated;
        return translated;
    }

    /// <summary>The parameter's name as Npgsql knows it (without the <c>$</c>).</summary>
    public static string ParameterName(string name) => name.Length > 1 && name[0] is '$' or '@' or ':' ? name[1..] : name;

    private static string Rewrite(string sql)
    {
        var sb = new StringBuilder(sql.Length);
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (c is '\'' or '"')
            {
                var end = sql.IndexOf(c, i + 1);
                while (end >= 0 && end + 1 < sql.Length && sql[end + 1] == c) end = sql.IndexOf(c, end + 2);
                end = end < 0 ? sql.Length : end + 1;
                sb.Append(sql, i, end - i);
                i = end;
            }
            else if (c == '-' && i + 1 < sql.Length && sql[i + 1] == '-')
            {
                var end = sql.IndexOf('\n', i);
                end = end < 0 ? sql.Length : end;
                sb.Append(sql, i, end - i);
                i = end;
            }
            else if (c == '$' && i + 1 < sql.Length && sql[i + 1] == '$')
            {
                var end = sql.IndexOf("$$", i + 2, StringComparison.Ordinal);
                end = end < 0 ? sql.Length : end + 2;
                sb.Append(sql, i, end - i);
                i = end;
            }
            else if (c == '$' && i + 1 < sql.Length && (char.IsAsciiLetter(sql[i + 1]) || sql[i + 1] == '_'))
            {
                sb.Append('@');
                i++;
            }
            else
            {
                sb.Append(c);
                i++;
            }
        }
        return sb.ToString();
    }
}
