using NewsBrief.Core.Time;

namespace NewsBrief.Scrapers.Extraction;

/// <summary>
/// The time one page may take, checked between stages: the stages are linear (nesting is capped), but a
/// huge page must not hold a core while SmartReader's several passes run on it as well. On the system
/// clock it counts the extracting thread's processor time, so a busy machine does not refuse normal pages.
/// </summary>
internal sealed class ExtractionBudget
{
    private readonly TimeProvider _time;
    private readonly long _start;

    public ExtractionBudget(TimeProvider time, TimeSpan limit)
    {
        _time = ThreadCpuTimeProvider.ForBudget(time);
        _start = _time.GetTimestamp();
        Limit = limit;
    }

    public TimeSpan Limit { get; }

    public bool Exceeded => _time.GetElapsedTime(_start) > Limit;
}
