namespace NewsBrief.Core.Storage;

/// <summary>
/// What story assignment decided for a batch of new articles, written by <see cref="StoryStore.Apply"/> in one
/// transaction: the stories created or grown, which story each article joined, and which stories were merged.
/// </summary>
public sealed record StoryChanges
{
    public IReadOnlyList<StoryRow> Stories { get; init; } = [];
    public IReadOnlyList<(long ArticleId, long StoryId)> Assignments { get; init; } = [];
    /// <summary>Stories folded into another; the old id resolves to the new one from then on.</summary>
    public IReadOnlyList<(long OldId, long NewId)> Merges { get; init; } = [];
    /// <summary>The topics of stories whose articles changed, in filing order (replaces what was stored).</summary>
    public IReadOnlyList<(long StoryId, IReadOnlyList<string> Topics)> Topics { get; init; } = [];
    /// <summary>Sentence vectors encoded for this batch's articles (replace any stored for them).</summary>
    public IReadOnlyList<ArticleVector> Vectors { get; init; } = [];

    public bool IsEmpty => Stories.Count == 0 && Assignments.Count == 0 && Merges.Count == 0 && Topics.Count == 0 && Vectors.Count == 0;
}

/// <summary>A story row to create or update: first seen only moves earlier and last updated only later.</summary>
public sealed record StoryRow(long Id, string Headline, DateTimeOffset FirstSeen, DateTimeOffset LastUpdated);

/// <summary>
/// An article as story assignment needs it: its title and lead, when it is dated, its source, its story so far, and
/// its stored sentence vector of the model asked for (null when there is none).
/// </summary>
public sealed record StoryIndexRow(long ArticleId, long? StoryId, string Title, string Lead, DateTimeOffset Dated, string SourceId, float[]? Vector = null);

/// <summary>An article's sentence vector and the model that encoded it.</summary>
public sealed record ArticleVector(long ArticleId, string Model, float[] Vector);
