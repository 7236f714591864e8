namespace NewsBrief.Summariser.Grounding;

/// <summary>A summary as the model wrote it: citations are the article numbers [1]..[n] it was shown.</summary>
public sealed record DraftSummary(string Headline, IReadOnlyList<DraftSentence> Sentences);

/// <summary>One sentence of a <see cref="DraftSummary"/> with the article numbers it cites.</summary>
public sealed record DraftSentence(string Text, IReadOnlyList<int> Citations);

/// <summary>An article as numbered in the prompt: what the check compares the model's sentences against.</summary>
public sealed record CitedSource(int Number, long ArticleId, string Title, string Text, string? Url);
