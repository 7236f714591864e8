namespace NewsBrief.Core.Query;

/// <summary>A node of a parsed query's syntax tree; spans are offsets into the query text.</summary>
internal abstract class QueryNode(int start, int end)
{
    public int Start { get; } = start;

    public int End { get; } = end;

    public abstract bool Evaluate(DocumentTerms doc);
}

/// <summary>All children must match.</summary>
internal sealed class AndNode(IReadOnlyList<QueryNode> children, int start, int end) : QueryNode(start, end)
{
    public IReadOnlyList<QueryNode> Children { get; } = children;

    public override bool Evaluate(DocumentTerms doc)
    {
        foreach (var child in Children) if (!child.Evaluate(doc)) return false;
        return true;
    }
}

/// <summary>At least one child must match.</summary>
internal sealed class OrNode(IReadOnlyList<QueryNode> children, int start, int end) : QueryNode(start, end)
{
    public IReadOnlyList<QueryNode> Children { get; } = children;

    public override bool Evaluate(DocumentTerms doc)
    {
        foreach (var child in Children) if (child.Evaluate(doc)) return true;
        return false;
    }
}

/// <summary>The child must not match (<c>NOT x</c> or <c>-x</c>).</summary>
internal sealed class NotNode(QueryNode child, int start, int end) : QueryNode(start, end)
{
    public QueryNode Child { get; } = child;

    public override bool Evaluate(DocumentTerms doc) => !Child.Evaluate(doc);
}
