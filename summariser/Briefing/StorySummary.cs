using NewsBrief.Core.Domain;

namespace NewsBrief.Summariser.Briefing;

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
    /// <summary>
    /// Summarises <paramref name="story"/>'s articles (those given: for an update, only its new ones), each sentence
    /// citing the ids of the articles it came from; the story's first topic frames a model's prompt.
    /// </summary>
    Task<StorySummary> SummariseAsync(Story story, CancellationToken cancellationToken);
}
