using NewsBrief.Core.Domain;

namespace NewsBrief.Bot.Deliveries;

/// <summary>
/// Test-only: when <c>NEWSBRIEF_TEST_CRASH_AFTER_SENDS=N</c> is set, the process exits abruptly (code 70)
/// right after the N-th delivery is marked sent, so tests can kill a real process mid-delivery and
/// prove that a restart loses nothing and sends nothing twice. Unset in normal use.
/// </summary>
public static class TestCrashHook
{
    public const string Variable = "NEWSBRIEF_TEST_CRASH_AFTER_SENDS";
    public const int ExitCode = 70;

    public static Action<Delivery>? FromEnvironment()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable(Variable), out var limit) || limit < 0) return null;
        var sent = 0;
        return _ =>
        {
            if (Interlocked.Increment(ref sent) < limit) return;
            Console.Out.Flush();
            Environment.Exit(ExitCode);
        };
    }
}
