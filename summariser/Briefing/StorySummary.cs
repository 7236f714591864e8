using NewsBrief.Core.Domain;
using NewsBrief.Summariser.Extractive;

namespace NewsBrief.Summariser.Briefing;

/// <summary>A story to summarise: its articles (in the order they should be cited) and its topic.</summary>
public sealed record StoryInput(string Topic, IReadOnlyList<SummaryDocument> Documents)
{
    /// <summary>Ids of articles a previous brief already covered ("new since the last brief").</summary>
    public IReadOnlySet<long> AlreadyBriefed { get; init; } = new HashSet<long>();

    /// <summary>
    /// Optional: the stored articles behind <see cref="Documents"/> (matched by id). The LLM path shows their
    /// source, date and URL to the model, and only their URLs may appear in its answer.
    /// </summary>
    public IReadOnlyList<Article> Articles { get; init; } = [];
}

/// <summary>What a story summariser wrote: a headline and sentences citing article ids.</summary>
public sealed record StorySummary
{
    public required string Headline { get; init; }
    public required IReadOnlyList<BriefSentence> Sentences { get; init; }
    /// <summary>The engine that wrote it (<c>extractive</c>, or the model's name).</summary>
    public required string Engine { get; init; }
    public int InputTokens { get; init; }
    public int OutputTokens { get; init; }
    /// <summary>True when the configured LLM failed and the extractive engine stood in.</summary>
    public bool FellBack { get; init; }
    public string? FallbackReason { get; init; }
    /// <summary>Sentence checks: how many were checked, dropped and marked.</summary>
    public int Checked { get; init; }
    public int Dropped { get; init; }
    public int Marked { get; init; }
    /// <summary>Indexes into <see cref="Sentences"/> of the marked ones (a name the cited articles do not contain).</summary>
    public IReadOnlyList<int> MarkedSentences { get; init; } = [];
    /// <summary>Why the citation check removed or marked something, one line each (for logs and --format json).</summary>
    public IReadOnlyList<string> CheckNotes { get; init; } = [];
}

/// <summary>Summarises one story. Implementations: the extractive engine, an LLM through Semantic Kernel.</summary>
public interface IStorySummariser
{
    Task<StorySummary> SummariseAsync(StoryInput story, CancellationToken cancellationToken);
}
