using NewsBrief.Core.Domain;

namespace NewsBrief.Summariser.Briefing;

/// <summary>A story to brief: its articles (ranked, first is the lead), its topic and its stored id.</summary>
public sealed record BriefStoryInput(string Topic, IReadOnlyList<Article> Articles, long? StoryId = null)
{
    /// <summary>0 for the most important story; the executive summary takes the best-ranked ones.</summary>
    public int Rank { get; init; }
}

/// <summary>What to brief: the window and its stories, already selected, grouped and ranked.</summary>
public sealed record BriefRequest(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<BriefStoryInput> Stories)
{
    /// <summary>Articles earlier briefs of the same scope cited; stories made only of these are left out, mixed ones become updates.</summary>
    public IReadOnlySet<long> AlreadyBriefed { get; init; } = new HashSet<long>();

    /// <summary>Bullets of the executive summary: the lead sentence of this many best-ranked stories.</summary>
    public int Highlights { get; init; } = 3;
}
