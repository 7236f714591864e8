using NewsBrief.Core.Time;

namespace NewsBrief.Tests.Core.Time;

/// <summary>The work-budget clock counts the thread's own processor time: work moves it, waiting does not.</summary>
public sealed class ThreadCpuTimeProviderTests
{
    [Fact]
    public void OnLinux_TheSystemClockIsReplacedAndAFakeClockIsKept()
    {
        Assert.True(OperatingSystem.IsLinux(), "the project runs on Linux; this clock is Linux's CLOCK_THREAD_CPUTIME_ID");
        Assert.Same(ThreadCpuTimeProvider.Instance, ThreadCpuTimeProvider.ForBudget(TimeProvider.System));
        var fake = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        Assert.Same(fake, ThreadCpuTimeProvider.ForBudget(fake));
    }

    [Fact]
    public void Work_AdvancesTheClock_ButBlockingOnAnotherThreadDoesNot()
    {
        var clock = ThreadCpuTimeProvider.Instance!;
        var start = clock.GetTimestamp();
        var spin = 0L;
        while (clock.GetElapsedTime(start) < TimeSpan.FromMilliseconds(20)) spin++; // ends once 20 ms of this thread's time are spent
        Assert.True(spin > 0);

        // blocked on an event that only another thread's work sets: the blocked thread's clock barely moves,
        // whatever that work costs and however busy the machine is
        var before = clock.GetTimestamp();
        using var done = new ManualResetEventSlim();
        var worker = new Thread(() =>
        {
            var own = clock.GetTimestamp();
            while (clock.GetElapsedTime(own) < TimeSpan.FromMilliseconds(200)) { }
            done.Set();
        });
        worker.Start();
        done.Wait();
        Assert.True(clock.GetElapsedTime(before) < TimeSpan.FromMilliseconds(100), $"blocked thread's clock moved {clock.GetElapsedTime(before)}");
    }
}
