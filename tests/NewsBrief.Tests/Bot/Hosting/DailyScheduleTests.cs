using NewsBrief.Bot.Hosting;
using NewsBrief.Bot.Schedules;

namespace NewsBrief.Tests.Bot.Hosting;

public sealed class DailyScheduleTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [Fact]
    public void Next_InWinter_IsEightLondonAtEightUtc()
    {
        var next = DailySchedule.Next(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero), "08:00", London);

        Assert.Equal(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public void Next_AcrossTheSpringDstChange_StaysAtEightLocal()
    {
        // Clocks go forward on 29 March 2026: 08:00 London is then 07:00 UTC.
        var next = DailySchedule.Next(new DateTimeOffset(2026, 3, 28, 9, 0, 0, TimeSpan.Zero), "08:00", London);

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 7, 0, 0, TimeSpan.Zero), next);
    }
}
