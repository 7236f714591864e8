namespace NewsBrief.Scrapers.Extraction;

/// <summary>
/// The time one page may take, checked between stages: the stages are linear (nesting is capped), but a
/// huge page must not hold a core while SmartReader's several passes run on it as well.
/// </summary>
internal sealed class ExtractionBudget(TimeProvider time, TimeSpan limit)
{
    private readonly long start = time.GetTimestamp();

    public TimeSpan Limit => limit;

    public bool Exceeded => time.GetElapsedTime(start) > limit;
}
