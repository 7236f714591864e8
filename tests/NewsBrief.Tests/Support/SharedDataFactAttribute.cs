namespace NewsBrief.Tests.Support;

/// <summary>A fact that is skipped, with a message saying why, when <c>../shared/data</c> is absent.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (SharedData.Root is null) Skip = SharedData.MissingMessage;
    }
}

/// <summary>A theory that is skipped, with a message saying why, when <c>../shared/data</c> is absent.</summary>
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute()
    {
        if (SharedData.Root is null) Skip = SharedData.MissingMessage;
    }
}
