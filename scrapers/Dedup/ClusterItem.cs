namespace NewsBrief.Scrapers.Dedup;

/// <summary>An article as the clusterer sees it: its title, its text (only the lead is used), when it is dated, and its source.</summary>
public sealed record ClusterItem(string Title, string Text, DateTimeOffset Time, string SourceId)
{
    /// <summary>Its sentence vector (<see cref="SentenceEmbedder"/>) when embeddings are on; null leaves similarity lexical.</summary>
    public float[]? Vector { get; init; }
}
