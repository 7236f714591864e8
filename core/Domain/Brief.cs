namespace NewsBrief.Core.Domain;

/// <summary>A composed brief: stories of a time window, each a few cited sentences.</summary>
public sealed record Brief
{
    public required DateTimeOffset From { get; init; }
    public required DateTimeOffset To { get; init; }
    public required IReadOnlyList<BriefStory> Stories { get; init; }
    /// <summary>The executive summary: a few cited sentences on the most important stories.</summary>
    public IReadOnlyList<BriefSentence> Summary { get; init; } = [];
    public required BriefEngine Engine { get; init; }
    public DateTimeOffset Created { get; init; }
}

/// <summary>One story of a brief: a headline, summary sentences with citations, and the articles cited.</summary>
public sealed record BriefStory
{
    public required string Headline { get; init; }
    public required string Topic { get; init; }
    public required IReadOnlyList<BriefSentence> Sentences { get; init; }
    public required IReadOnlyList<Article> Articles { get; init; }
    public long? StoryId { get; init; }
    /// <summary>The other topics the story is about (it appears under <see cref="Topic"/> only).</summary>
    public IReadOnlyList<string> AlsoTopics { get; init; } = [];
    /// <summary>When the story's first article is dated, and its latest (stored story state, not just this window).</summary>
    public DateTimeOffset? FirstSeen { get; init; }
    public DateTimeOffset? LastUpdated { get; init; }
    /// <summary>True when an earlier brief covered this story and only its new articles are summarised.</summary>
    public bool IsUpdate { get; init; }
    /// <summary>For an update: the ids of the articles added since the last brief of the same scope.</summary>
    public IReadOnlyList<long> NewArticleIds { get; init; } = [];
    /// <summary>The engine that wrote this story (differs from the brief's when an LLM fell back).</summary>
    public string? Engine { get; init; }
}

/// <summary>A summary sentence and the ids of the articles it came from.</summary>
public sealed record BriefSentence(string Text, IReadOnlyList<long> Citations);

/// <summary>Which engine wrote a brief, what it cost, how its sentences were checked, and which stories fell back.</summary>
public sealed record BriefEngine(string Name, string? Model, int InputTokens, int OutputTokens)
{
    /// <summary>Estimated cost in the configured currency, when prices are configured.</summary>
    public decimal? Cost { get; init; }
    public int Checked { get; init; }
    public int Dropped { get; init; }
    public int Marked { get; init; }
    /// <summary>Stories the configured model could not write, so the extractive engine did.</summary>
    public IReadOnlyList<BriefFallback> Fallbacks { get; init; } = [];
}

/// <summary>A story that fell back to the extractive engine, and why.</summary>
public sealed record BriefFallback(string Headline, string Reason);
