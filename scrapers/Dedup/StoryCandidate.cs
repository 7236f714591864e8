namespace NewsBrief.Scrapers.Dedup;

/// <summary>An existing story a new article may join: its id and the articles it already holds.</summary>
public sealed record StoryCandidate(long StoryId, IReadOnlyList<ClusterItem> Items);
