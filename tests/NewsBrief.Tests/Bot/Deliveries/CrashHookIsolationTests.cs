using System.Text;
using NewsBrief.Bot.Deliveries;
using NewsBrief.Core.Telemetry;
using NewsBrief.CrashHook;

namespace NewsBrief.Tests.Bot.Deliveries;

/// <summary>The kill-mid-delivery hook lives in a test-only assembly; the executable carries none of it.</summary>
public sealed class CrashHookIsolationTests
{
    [Fact]
    public void TheExecutable_HasNoCrashCode_AndDoesNotReferenceTheHook()
    {
        var bot = typeof(DeliveryDispatcher).Assembly;
        var bytes = File.ReadAllBytes(bot.Location);

        Assert.DoesNotContain(bot.GetReferencedAssemblies(), a => a.Name == typeof(CrashAfterSends).Assembly.GetName().Name);
        Assert.DoesNotContain(bot.GetTypes(), t => t.Name.Contains("Crash", StringComparison.Ordinal));
        // string literals are stored as UTF-16 in the assembly's user-string heap
        Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(CrashAfterSends.Variable)));
    }

    [Fact]
    public void TheHook_WatchesTheCounterTheDispatcherRecords() =>
        Assert.Equal(NewsBriefMetrics.MeterName, CrashAfterSends.MeterName);
}
