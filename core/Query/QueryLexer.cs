namespace NewsBrief.Core.Query;

/// <summary>The kinds of token of the query language.</summary>
internal enum TokenKind
{
    Word,
    Phrase,
    LParen,
    RParen,
    And,
    Or,
    Not,
    Minus,
    Field,
}

/// <summary>One token; <see cref="Text"/> is the raw word, the phrase content or the field name.</summary>
internal readonly record struct QueryToken(TokenKind Kind, string Text, int Start, int End);

/// <summary>Splits query text into tokens, keeping each token's offsets for error messages.</summary>
internal static class QueryLexer
{
    /// <summary>The field prefixes the language knows, lowercase, without the colon.</summary>
    public static readonly string[] KnownFields = ["title", "source", "event"];

    public static List<QueryToken> Tokenise(string text)
    {
        var tokens = new List<QueryToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            switch (c)
            {
                case '(':
                    tokens.Add(new QueryToken(TokenKind.LParen, "(", i, i + 1));
                    i++;
                    break;
                case ')':
                    tokens.Add(new QueryToken(TokenKind.RParen, ")", i, i + 1));
                    i++;
                    break;
                case '"':
                    i = ReadPhrase(text, i, tokens);
                    break;
                case '-':
                    if (i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1]))
                        throw new QueryParseException("'-' must be followed directly by the term to exclude, e.g. -rumour", i);
                    tokens.Add(new QueryToken(TokenKind.Minus, "-", i, i + 1));
                    i++;
                    break;
                default:
                    i = ReadWord(text, i, tokens);
                    break;
            }
        }
        return tokens;
    }

    private static int ReadPhrase(string text, int open, List<QueryToken> tokens)
    {
        var close = text.IndexOf('"', open + 1);
        if (close < 0) throw new QueryParseException("this quote is never closed; add a closing \"", open);
        tokens.Add(new QueryToken(TokenKind.Phrase, text[(open + 1)..close], open, close + 1));
        return close + 1;
    }

    private static int ReadWord(string text, int start, List<QueryToken> tokens)
    {
        var end = start;
        while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not ('(' or ')' or '"')) end++;
        var raw = text[start..end];
        if (raw is "AND" or "OR" or "NOT")
        {
            var kind = raw switch { "AND" => TokenKind.And, "OR" => TokenKind.Or, _ => TokenKind.Not };
            tokens.Add(new QueryToken(kind, raw, start, end));
            return end;
        }
        var colon = raw.IndexOf(':');
        if (colon > 0 && raw[..colon].All(char.IsAsciiLetter))
        {
            var name = raw[..colon].ToLowerInvariant();
            if (!KnownFields.Contains(name))
                throw new QueryParseException(
                    $"unknown field '{raw[..colon]}:'; the known fields are {string.Join(", ", KnownFields.Select(f => f + ":"))}", start);
            tokens.Add(new QueryToken(TokenKind.Field, name, start, start + colon + 1));
            var rest = start + colon + 1;
            if (rest < end && text[rest] == '-')
            {
                throw new QueryParseException($"put the '-' before the field to exclude: -{name}:{text[(rest + 1)..end]}", rest);
            }
            if (rest < end)
            {
                tokens.Add(new QueryToken(TokenKind.Word, text[rest..end], rest, end));
            }
            else if (end >= text.Length || text[end] is not ('"' or '('))
            {
                throw new QueryParseException($"'{name}:' must be followed directly by a word, a \"phrase\" or a (group)", start);
            }
            return end;
        }
        tokens.Add(new QueryToken(TokenKind.Word, raw, start, end));
        return end;
    }
}
