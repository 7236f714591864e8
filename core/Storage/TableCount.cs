namespace NewsBrief.Core.Storage;

/// <summary>One table of a store copy: the rows read from the source and the rows the target holds after the copy.</summary>
public sealed record TableCount(string Table, long Source, long Target)
{
    public bool Matches => Source == Target;
}
