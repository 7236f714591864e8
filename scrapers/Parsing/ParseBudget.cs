using NewsBrief.Core.Time;

namespace NewsBrief.Scrapers.Parsing;

/// <summary>
/// How much one document may cost to parse: a nesting depth and a time limit, checked as the parser
/// goes, so one hostile source is refused quickly with its reason instead of holding a core.
/// </summary>
public sealed class ParseBudget
{
    /// <summary>Elements nested deeper than this are refused; real feeds (XHTML content included) stay far below it.</summary>
    public const int DefaultMaxDepth = 256;

    // Reading the clock on every node would cost more than the work it guards.
    private const int NodesPerClockCheck = 1024;

    private readonly TimeProvider? _time;
    private readonly long _start;
    private int _untilCheck = NodesPerClockCheck;

    /// <summary>
    /// A budget of <paramref name="limit"/> from now, measured on <paramref name="time"/>; the system clock is
    /// replaced by the parsing thread's processor time, so other work on a busy machine does not count.
    /// </summary>
    public ParseBudget(TimeSpan limit, TimeProvider time, int maxDepth = DefaultMaxDepth)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDepth, 1);
        Limit = limit;
        MaxDepth = maxDepth;
        _time = ThreadCpuTimeProvider.ForBudget(time);
        _start = _time.GetTimestamp();
    }

    private ParseBudget(int maxDepth)
    {
        Limit = Timeout.InfiniteTimeSpan;
        MaxDepth = maxDepth;
    }

    /// <summary>No time limit, the default depth limit: for callers with nothing else running beside them.</summary>
    public static ParseBudget DepthOnly(int maxDepth = DefaultMaxDepth) => new(maxDepth);

    public TimeSpan Limit { get; }

    public int MaxDepth { get; }

    /// <summary>Throws when <paramref name="depth"/> (1 for the root element) exceeds <see cref="MaxDepth"/>.</summary>
    public void CheckDepth(int depth)
    {
        if (depth > MaxDepth)
            throw new FeedParseException($"the document is too deeply nested: more than {MaxDepth} levels of elements");
    }

    /// <summary>Counts one unit of work; every so often, throws when the time limit has passed.</summary>
    public void Tick()
    {
        if (--_untilCheck > 0) return;
        _untilCheck = NodesPerClockCheck;
        CheckTime();
    }

    /// <summary>Throws when the time limit has passed.</summary>
    public void CheckTime()
    {
        if (_time is null || Limit == Timeout.InfiniteTimeSpan) return;
        var elapsed = _time.GetElapsedTime(_start);
        if (elapsed > Limit)
            throw new FeedParseException($"parsing took longer than its budget of {Limit.TotalSeconds:0.###} s (stopped after {elapsed.TotalSeconds:0.###} s); the document is too large or too complex");
    }
}
