using NewsBrief.Core.Domain;

namespace NewsBrief.Summariser.Briefing;

/// <summary>
/// What to brief: the window and its stored stories, already selected and in the order they are presented
/// (by section, then by rank). Each story is filed under its first topic, or <see cref="OtherTopic"/> when it has none.
/// </summary>
public sealed record BriefRequest(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<Story> Stories)
{
    /// <summary>Articles earlier briefs of the same scope cited; stories made only of these are left out, mixed ones become updates.</summary>
    public IReadOnlySet<long> AlreadyBriefed { get; init; } = new HashSet<long>();

    /// <summary>Bullets of the executive summary: the lead sentence of this many of the <see cref="Leading"/> stories.</summary>
    public int Highlights { get; init; } = 3;

    /// <summary>Indexes into <see cref="Stories"/> of the stories the executive summary draws on, best first (topic stories, by rank).</summary>
    public IReadOnlyList<int> Leading { get; init; } = [];

    /// <summary>The section of stories filed under no topic.</summary>
    public string OtherTopic { get; init; } = "Other news";
}
