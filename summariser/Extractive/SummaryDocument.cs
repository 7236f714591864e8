namespace NewsBrief.Summariser.Extractive;

/// <summary>One article handed to a summariser: its id (for citations), title and text.</summary>
public sealed record SummaryDocument(long Id, string Title, string Text);

/// <summary>A sentence picked by the extractive engine, with where it came from.</summary>
public sealed record ExtractedSentence(string Text, int DocumentIndex, int SentenceIndex, double Score);
