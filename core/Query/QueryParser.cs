namespace NewsBrief.Core.Query;

/// <summary>
/// Recursive-descent parser: <c>or := and (OR and)*</c>, <c>and := unary (AND? unary)*</c>,
/// <c>unary := NOT unary | -primary | primary</c>, <c>primary := [field:] (word | "phrase" | ( or ))</c>.
/// </summary>
internal sealed class QueryParser
{
    private readonly string _text;
    private readonly List<QueryToken> _tokens;
    private int _next;
    private int _termCount;

    private QueryParser(string text, List<QueryToken> tokens)
    {
        _text = text;
        _tokens = tokens;
    }

    public static QueryNode Parse(string text)
    {
        var parser = new QueryParser(text, QueryLexer.Tokenise(text));
        var root = parser.ParseOr(QueryField.Text);
        if (parser.Peek() is { } extra)
        {
            // ParseOr stops only at ')' or the end, so anything left is an unmatched ')'.
            throw new QueryParseException("')' has no matching '('", extra.Start);
        }
        return root;
    }

    private QueryToken? Peek() => _next < _tokens.Count ? _tokens[_next] : null;

    private QueryToken Take() => _tokens[_next++];

    private static bool StartsUnary(QueryToken? token) =>
        token?.Kind is TokenKind.Word or TokenKind.Phrase or TokenKind.LParen or TokenKind.Field or TokenKind.Not or TokenKind.Minus;

    private QueryNode ParseOr(QueryField field)
    {
        var children = new List<QueryNode> { ParseAnd(field) };
        while (Peek() is { Kind: TokenKind.Or } op)
        {
            Take();
            if (!StartsUnary(Peek())) throw new QueryParseException("'OR' needs a term after it", op.Start);
            children.Add(ParseAnd(field));
        }
        return children.Count == 1 ? children[0] : new OrNode(children, children[0].Start, children[^1].End);
    }

    private QueryNode ParseAnd(QueryField field)
    {
        var children = new List<QueryNode> { ParseUnary(field) };
        while (true)
        {
            var token = Peek();
            if (token is { Kind: TokenKind.And } op)
            {
                Take();
                if (!StartsUnary(Peek())) throw new QueryParseException("'AND' needs a term after it", op.Start);
            }
            else if (!StartsUnary(token))
            {
                break;
            }
            children.Add(ParseUnary(field));
        }
        return children.Count == 1 ? children[0] : new AndNode(children, children[0].Start, children[^1].End);
    }

    private QueryNode ParseUnary(QueryField field)
    {
        var token = Peek();
        if (token is { Kind: TokenKind.Not } not)
        {
            Take();
            if (!StartsUnary(Peek())) throw new QueryParseException("'NOT' needs a term after it", not.Start);
            var operand = ParseUnary(field);
            return new NotNode(operand, not.Start, operand.End);
        }
        if (token is { Kind: TokenKind.Minus } minus)
        {
            Take();
            if (Peek()?.Kind is not (TokenKind.Word or TokenKind.Phrase or TokenKind.LParen or TokenKind.Field or TokenKind.Minus))
                throw new QueryParseException("'-' must be followed directly by the term to exclude, e.g. -rumour", minus.Start);
            var operand = Peek()!.Value.Kind == TokenKind.Minus ? ParseUnary(field) : ParsePrimary(field);
            return new NotNode(operand, minus.Start, operand.End);
        }
        return ParsePrimary(field);
    }

    private QueryNode ParsePrimary(QueryField field)
    {
        if (Peek() is not { } token) throw new QueryParseException("the query ends where a term was expected", _text.Length);
        switch (token.Kind)
        {
            case TokenKind.Field:
                Take();
                if (Peek()?.Kind is not (TokenKind.Word or TokenKind.Phrase or TokenKind.LParen))
                    throw new QueryParseException($"'{token.Text}:' must be followed directly by a word, a \"phrase\" or a (group)", token.Start);
                return Widen(ParsePrimary(token.Text switch { "title" => QueryField.Title, "event" => QueryField.Event, _ => QueryField.Source }), token.Start);
            case TokenKind.Word:
                Take();
                CountTerm(token);
                return TermFactory.FromWord(token, field);
            case TokenKind.Phrase:
                Take();
                CountTerm(token);
                return TermFactory.FromPhrase(token, field);
            case TokenKind.LParen:
                Take();
                if (Peek() is null) throw new QueryParseException("'(' is never closed; add a ')'", token.Start);
                if (Peek() is { Kind: TokenKind.RParen }) throw new QueryParseException("empty parentheses '()': put a term inside or remove them", token.Start);
                var group = ParseOr(field);
                if (Peek() is not { Kind: TokenKind.RParen } close) throw new QueryParseException("'(' is never closed; add a ')'", token.Start);
                Take();
                return Widen(group, token.Start, close.End);
            case TokenKind.RParen:
                throw new QueryParseException("')' has no matching '('", token.Start);
            default:
                throw new QueryParseException($"'{token.Text}' needs a term before it", token.Start);
        }
    }

    private void CountTerm(QueryToken token)
    {
        if (++_termCount > TopicQuery.MaxTerms)
            throw new QueryParseException($"the query has more than {TopicQuery.MaxTerms} terms; split it into several subscriptions", token.Start);
    }

    /// <summary>Stretches a node's span over its field prefix or parentheses, so clause text shown to users is whole.</summary>
    private static QueryNode Widen(QueryNode node, int start, int? end = null)
    {
        var e = end ?? node.End;
        return node switch
        {
            TermNode t => new TermNode(t.Kind, t.Words, t.Field, start, e),
            AndNode a => new AndNode(a.Children, start, e),
            OrNode o => new OrNode(o.Children, start, e),
            NotNode n => new NotNode(n.Child, start, e),
            _ => node,
        };
    }
}
