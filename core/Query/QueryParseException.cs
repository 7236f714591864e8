namespace NewsBrief.Core.Query;

/// <summary>A query that cannot be parsed; <see cref="Position"/> is the 0-based offset of the problem.</summary>
public sealed class QueryParseException(string message, int position)
    : FormatException($"{message} (at position {position + 1})")
{
    public int Position { get; } = position;
    public string Reason { get; } = message;
}
