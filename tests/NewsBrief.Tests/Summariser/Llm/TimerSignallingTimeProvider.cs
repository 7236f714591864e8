using Microsoft.Extensions.Time.Testing;

namespace NewsBrief.Tests.Summariser.Llm;

/// <summary>A fake clock that tells the test when the code under test starts waiting, and for how long.</summary>
public sealed class TimerSignallingTimeProvider : FakeTimeProvider
{
    private readonly TaskCompletionSource<TimeSpan> _created = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the due time of the first timer created.</summary>
    public Task<TimeSpan> TimerCreated => _created.Task;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _created.TrySetResult(dueTime);
        return timer;
    }
}
