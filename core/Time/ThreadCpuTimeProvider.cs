using System.Runtime.InteropServices;

namespace NewsBrief.Core.Time;

/// <summary>
/// A clock that runs only while the calling thread runs: its timestamps are that thread's processor time.
/// Work budgets (a page's extraction, a feed's parse) are about the core a hostile document holds, not about
/// how busy the machine is, so on a loaded host a normal page is not refused because other work ran in
/// between. Only timestamps are meaningful (no timers), and only on the thread that took the first one.
/// </summary>
public sealed partial class ThreadCpuTimeProvider : TimeProvider
{
    private const int ClockThreadCpuTimeId = 3; // CLOCK_THREAD_CPUTIME_ID on Linux

    private ThreadCpuTimeProvider() { }

    /// <summary>The thread-time clock where the platform has one (Linux), otherwise null.</summary>
    public static ThreadCpuTimeProvider? Instance { get; } = Probe();

    /// <summary>
    /// The clock a work budget should use: thread time in place of the system clock; any other provider
    /// (a test's fake clock) is kept as given.
    /// </summary>
    public static TimeProvider ForBudget(TimeProvider time) =>
        ReferenceEquals(time, System) && Instance is { } cpu ? cpu : time;

    public override long TimestampFrequency => 1_000_000_000;

    public override long GetTimestamp() =>
        clock_gettime(ClockThreadCpuTimeId, out var now) == 0 ? now.Seconds * 1_000_000_000 + now.Nanoseconds : 0;

    private static ThreadCpuTimeProvider? Probe()
    {
        if (!OperatingSystem.IsLinux()) return null;
        try { return clock_gettime(ClockThreadCpuTimeId, out _) == 0 ? new ThreadCpuTimeProvider() : null; }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { return null; }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int clock_gettime(int clockId, out TimeSpec time);
}
