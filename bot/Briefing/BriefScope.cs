namespace NewsBrief.Bot.Briefing;

/// <summary>What a brief covers: everything, one configured topic, or an ad-hoc query.</summary>
public sealed record BriefScope(string? Topic = null, string? Query = null)
{
    public static BriefScope All { get; } = new();

    /// <summary>A stable key for "new since the last brief of the same scope".</summary>
    public string Key => Topic is not null ? $"topic:{Topic.ToLowerInvariant()}" : Query is not null ? $"query:{Query}" : "all";
}

/// <summary>A scope that names an unknown topic or holds a bad query: a usage error (exit 2).</summary>
public sealed class BriefScopeException(string message) : Exception(message);
