using System.ComponentModel.DataAnnotations;
using NewsBrief.Scrapers.Dedup;

namespace NewsBrief.Scrapers.Refresh;

/// <summary>How new articles are grouped into stories at ingest (section <c>Stories</c>).</summary>
public sealed record StoryOptions
{
    public const string SectionName = "Stories";

    /// <summary>
    /// Mean similarity an article needs to the articles of a story to join it (0-1), after fading by
    /// <see cref="HalfLife"/>. Default 0.25: on the AllSides stories fed in time order 0.2 scores higher (B-cubed F1
    /// 0.926 against 0.896, benchmark <c>clustering</c>, "window" rows), but while the window holds few articles the
    /// idf cannot tell one company's separate stories apart at 0.2 (four same-minute TikTok headlines of one wire
    /// merge); 0.25 favours not merging distinct events (P 0.983).
    /// </summary>
    [Range(0.01, 1.0)]
    public double Threshold { get; init; } = StoryAssigner.DefaultThreshold;

    /// <summary>Articles further apart in time than this never join one story directly. Default 3 days.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "30.00:00:00")]
    public TimeSpan Window { get; init; } = TimeSpan.FromDays(3);

    /// <summary>
    /// Two articles' similarity halves for every this much time between them. Default 2 days (see
    /// <see cref="StoryClusterer.HalfLife"/>); a very long half-life turns fading off.
    /// </summary>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00")]
    public TimeSpan HalfLife { get; init; } = TimeSpan.FromDays(2);

    /// <summary>
    /// Adds local sentence embeddings to the lexical similarity (all-MiniLM-L6-v2, in the package: 91 MB, loaded at the
    /// first poll that stores an article, never when off). Each article's title and lead are encoded once at ingest
    /// and stored. Default off: the lexical similarity alone.
    /// </summary>
    public bool Embeddings { get; init; }

    /// <summary>With <see cref="Embeddings"/>: how much the cosine of two articles' vectors adds to their lexical similarity.</summary>
    [Range(0.05, 2.0)]
    public double EmbeddingWeight { get; init; } = DefaultEmbeddingWeight;

    /// <summary>With <see cref="Embeddings"/>: the threshold of the combined similarity, in place of <see cref="Threshold"/>.</summary>
    [Range(0.01, 1.0)]
    public double EmbeddingThreshold { get; init; } = DefaultEmbeddingThreshold;

    /// <summary>Tuned on the AllSides dev stories (benchmark <c>clustering --embeddings-sweep</c>); see the README.</summary>
    public const double DefaultEmbeddingWeight = 0.4;

    public const double DefaultEmbeddingThreshold = 0.3;

    /// <summary>The clusterer these settings describe.</summary>
    public StoryClusterer Clusterer() => Embeddings
        ? new() { Threshold = EmbeddingThreshold, EmbeddingWeight = EmbeddingWeight, Window = Window, HalfLife = HalfLife }
        : new() { Threshold = Threshold, Window = Window, HalfLife = HalfLife };
}
