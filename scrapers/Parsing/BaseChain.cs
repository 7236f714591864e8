namespace NewsBrief.Scrapers.Parsing;

/// <summary>The xml:base attributes of an element and its ancestors, as a shared linked list (innermost first).</summary>
internal sealed class BaseChain(string value, BaseChain? parent)
{
    public string Value { get; } = value;

    public BaseChain? Parent { get; } = parent;

    public static BaseChain? Push(BaseChain? chain, string? value) => value is null ? chain : new BaseChain(value, chain);

    /// <summary>The base URI in force: the chain's values applied to <paramref name="start"/>, outermost first.</summary>
    public static Uri Apply(BaseChain? chain, Uri start)
    {
        if (chain is null) return start;
        var values = new List<string>();
        for (var c = chain; c is not null; c = c.Parent) values.Add(c.Value);
        var current = start;
        for (var i = values.Count - 1; i >= 0; i--)
        {
            if (string.IsNullOrWhiteSpace(values[i])) continue;
            if (Uri.TryCreate(current, values[i].Trim(), out var next)) current = next;
        }
        return current;
    }
}
