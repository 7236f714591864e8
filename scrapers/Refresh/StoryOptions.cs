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

    /// <summary>The clusterer these settings describe.</summary>
    public StoryClusterer Clusterer() => new() { Threshold = Threshold, Window = Window, HalfLife = HalfLife };
}
