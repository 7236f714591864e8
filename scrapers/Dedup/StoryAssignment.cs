namespace NewsBrief.Scrapers.Dedup;

/// <summary>Where a new article goes: the story it joins, or none (<see cref="IsNew"/>), with the similarity that decided it.</summary>
public sealed record StoryAssignment(long? StoryId, double Similarity)
{
    /// <summary>True when the article starts a story of its own.</summary>
    public bool IsNew => StoryId is null;

    /// <summary>A new story; <paramref name="bestSimilarity"/> is the closest candidate's score, which fell short.</summary>
    public static StoryAssignment NewStory(double bestSimilarity) => new(null, bestSimilarity);
}
