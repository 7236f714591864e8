using System.Text;

namespace NewsBrief.Core.Storage;

/// <summary>
/// Turns the FTS5 MATCH expressions the stores are given (<see cref="Query.FullTextExpression"/>: quoted words
/// and phrases, <c>"word"*</c> prefixes, <c>title : …</c>, AND / OR / NOT and parentheses) into PostgreSQL
/// tsquery text with the same meaning: a phrase is <c>a &lt;-&gt; b</c>, a prefix <c>word:*</c>, a title term
/// carries weight A (the title's weight in <c>articles.search</c>). One pass, linear in the expression;
/// every word is a quoted lexeme, so no query text reaches tsquery's syntax.
/// </summary>
internal static class PostgresTextQuery
{
    public static string FromFts5(string match)
    {
        var sb = new StringBuilder(match.Length * 2);
        var i = 0;
        var title = false;
        var needOperator = false; // FTS5 joins adjacent terms with an implicit AND
        while (i < match.Length)
        {
            var c = match[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c == '(')
            {
                if (needOperator) sb.Append(" & ");
                sb.Append('(');
                needOperator = false;
                i++;
            }
            else if (c == ')')
            {
                sb.Append(')');
                needOperator = true;
                i++;
            }
            else if (c == '"')
            {
                var words = new StringBuilder();
                i++;
                while (i < match.Length)
                {
                    if (match[i] == '"')
                    {
                        if (i + 1 < match.Length && match[i + 1] == '"') { words.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    words.Append(match[i++]);
                }
                var prefix = i < match.Length && match[i] == '*';
                if (prefix) i++;
                if (needOperator) sb.Append(" & ");
                AppendPhrase(sb, words.ToString(), prefix, title);
                title = false;
                needOperator = true;
            }
            else
            {
                var start = i;
                while (i < match.Length && !char.IsWhiteSpace(match[i]) && match[i] is not ('(' or ')' or '"' or ':')) i++;
                var word = match[start..i];
                while (i < match.Length && char.IsWhiteSpace(match[i])) i++;
                if (i < match.Length && match[i] == ':')
                {
                    // A column filter: only "title" has a weight of its own; any other column searches everything.
                    title = word.Equals("title", StringComparison.OrdinalIgnoreCase);
                    i++;
                    continue;
                }
                switch (word)
                {
                    case "AND": sb.Append(" & "); needOperator = false; break;
                    case "OR": sb.Append(" | "); needOperator = false; break;
                    case "NOT": sb.Append(" & !"); needOperator = false; break;
                    case "": i++; break; // a stray ':' or '"' never loops
                    default:
                        var prefix = word.EndsWith('*');
                        if (needOperator) sb.Append(" & ");
                        AppendPhrase(sb, prefix ? word[..^1] : word, prefix, title);
                        title = false;
                        needOperator = true;
                        break;
                }
            }
        }
        return sb.ToString();
    }

    private static void AppendPhrase(StringBuilder sb, string phrase, bool prefix, bool title)
    {
        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            sb.Append("''"); // an empty phrase matches nothing, as in FTS5
            return;
        }
        if (words.Length > 1) sb.Append('(');
        for (var w = 0; w < words.Length; w++)
        {
            if (w > 0) sb.Append(" <-> ");
            sb.Append('\'').Append(words[w].Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal)).Append('\'');
            var last = w == words.Length - 1;
            if ((prefix && last) || title) sb.Append(':');
            if (prefix && last) sb.Append('*');
            if (title) sb.Append('A');
        }
        if (words.Length > 1) sb.Append(')');
    }
}
