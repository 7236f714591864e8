using NewsBrief.Core.Domain;

namespace NewsBrief.Summariser.Extractive;

/// <summary>One article handed to a summariser: its id (for citations), title and text.</summary>
public sealed record SummaryDocument(long Id, string Title, string Text)
{
    /// <summary>A stored article as the engine reads it: its best text (body, else description, else title).</summary>
    public static SummaryDocument Of(Article article) => new(article.Id, article.Title, article.BodyOrDescription);
}

/// <summary>A sentence picked by the extractive engine, with where it came from.</summary>
public sealed record ExtractedSentence(string Text, int DocumentIndex, int SentenceIndex, double Score)
{
    /// <summary>Indexes of the other documents that state the same fact (a near-duplicate sentence), in document order.</summary>
    public IReadOnlyList<int> AlsoIn { get; init; } = [];

    public bool Equals(ExtractedSentence? other) =>
        other is not null && Text == other.Text && DocumentIndex == other.DocumentIndex && SentenceIndex == other.SentenceIndex
        && Score.Equals(other.Score) && AlsoIn.SequenceEqual(other.AlsoIn);

    public override int GetHashCode() => HashCode.Combine(Text, DocumentIndex, SentenceIndex, Score);
}
