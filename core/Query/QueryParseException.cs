namespace NewsBrief.Core.Query;

/// <summary>
/// A query that cannot be parsed; <see cref="Position"/> is the 0-based offset of the problem. <see cref="Hint"/>, when
/// set, is a likely cause elsewhere in the query (a lowercase "or" meant as OR), appended to the message.
/// </summary>
public sealed class QueryParseException(string message, int position, string? hint = null)
    : FormatException($"{message} (at position {position + 1}){(hint is null ? "" : "; " + hint)}")
{
    public int Position { get; } = position;
    public string Reason { get; } = message;
    public string? Hint { get; } = hint;
}
