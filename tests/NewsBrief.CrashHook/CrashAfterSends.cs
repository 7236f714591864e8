using System.Diagnostics.Metrics;

namespace NewsBrief.CrashHook;

/// <summary>
/// Test-only, loaded into the real executable as a startup hook: exits abruptly (code 70) right after the N-th
/// delivery is marked sent, so tests can kill a real process mid-delivery and prove that a restart loses nothing
/// and sends nothing twice. It watches the deliveries-sent counter, which the dispatcher records just after
/// marking a delivery sent, so the production assembly carries no crash code at all.
/// </summary>
public static class CrashAfterSends
{
    public const string Variable = "NEWSBRIEF_TEST_CRASH_AFTER_SENDS";
    public const int ExitCode = 70;
    /// <summary>NewsBriefMetrics.MeterName and its sent counter (a test checks they still agree).</summary>
    public const string MeterName = "NewsBrief";
    public const string SentInstrument = "newsbrief.alerts.sent";

    private static MeterListener? _listener; // held so it is never collected
    private static long _sent;

    /// <summary>The environment for a child process that should crash after <paramref name="sends"/> sends.</summary>
    public static Dictionary<string, string> Environment(int sends) => new()
    {
        [Variable] = sends.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["DOTNET_STARTUP_HOOKS"] = typeof(CrashAfterSends).Assembly.Location,
    };

    internal static void Arm(int limit)
    {
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == MeterName && instrument.Name == SentInstrument) listener.EnableMeasurementEvents(instrument);
            },
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) =>
        {
            if (Interlocked.Add(ref _sent, value) < limit) return;
            Console.Out.Flush();
            System.Environment.Exit(ExitCode);
        });
        _listener.Start();
    }
}
