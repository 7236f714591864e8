namespace NewsBrief.Core.Domain;

/// <summary>A composed brief: stories of a time window, each a few cited sentences.</summary>
public sealed record Brief
{
    public required DateTimeOffset From { get; init; }
    public required DateTimeOffset To { get; init; }
    /// <summary>The brief's stories, section by section, each in one section only.</summary>
    public required IReadOnlyList<BriefEntry> Stories { get; init; }
    /// <summary>The executive summary: a few cited sentences on the most important stories.</summary>
    public IReadOnlyList<BriefSentence> Summary { get; init; } = [];
    public required BriefEngine Engine { get; init; }
    public DateTimeOffset Created { get; init; }
    /// <summary>The "Coming up" section: stored events of the next days (14 by default), soonest first, each citing its articles.</summary>
    public IReadOnlyList<BriefEvent> Upcoming { get; init; } = [];
}

/// <summary>An event of a brief's "Coming up" section and the articles it cites (which need not be among the brief's stories).</summary>
public sealed record BriefEvent(UpcomingEvent Event, IReadOnlyList<Article> Articles);

/// <summary>
/// One story as a brief tells it: the stored <see cref="Story"/> (its articles those of the brief's window, its
/// topics as filed for the brief's scope) and only what the brief adds: the section it is filed in, its summary
/// sentences, its update marks and the engine that wrote it.
/// </summary>
public sealed record BriefEntry
{
    public required Story Story { get; init; }
    /// <summary>The section it appears in (one only): its first topic, or the brief's "other news" section.</summary>
    public required string Section { get; init; }
    public required IReadOnlyList<BriefSentence> Sentences { get; init; }
    /// <summary>True when an earlier brief covered this story and only its new articles are summarised.</summary>
    public bool IsUpdate { get; init; }
    /// <summary>For an update: the ids of the articles added since the last brief of the same scope.</summary>
    public IReadOnlyList<long> NewArticleIds { get; init; } = [];
    /// <summary>The engine that wrote this story (differs from the brief's when an LLM fell back).</summary>
    public string? Engine { get; init; }

    /// <summary>The stored story's id; null for an article not yet assigned to one.</summary>
    public long? StoryId => Story.Id > 0 ? Story.Id : null;

    /// <summary>The other topics the story is about (it appears under <see cref="Section"/> only).</summary>
    public IReadOnlyList<string> AlsoTopics => Story.Topics.Where(t => t != Section).ToList();

    /// <summary>
    /// The story's articles in the order the brief numbers and lists them: the cited ones in the order they are first
    /// cited, then the others in time order.
    /// </summary>
    public IReadOnlyList<Article> Articles
    {
        get
        {
            var first = new Dictionary<long, int>();
            foreach (var id in Sentences.SelectMany(s => s.Citations)) first.TryAdd(id, first.Count);
            return Story.Articles.Select((a, i) => (a, i)).OrderBy(x => first.TryGetValue(x.a.Id, out var n) ? n : first.Count + x.i)
                .Select(x => x.a).ToList();
        }
    }
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
