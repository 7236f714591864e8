using NewsBrief.Bot.Schedules;

namespace NewsBrief.Tests.Bot.Schedules;

public sealed class ScheduleCalendarTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly TimeSpan Window = TimeSpan.FromHours(6);

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void Next_OfAWeekdaySchedule_SkipsTheWeekend()
    {
        // Friday 27 November 2026, after 08:00 London: the next is Monday.
        Assert.Equal(Utc(11, 30, 8), ScheduleCalendar.Next("0 8 * * 1-5", London, Utc(11, 27, 9)));
    }

    [Fact]
    public void Next_AcrossTheSpringChange_StaysAtEightLocal() =>
        Assert.Equal(Utc(3, 30, 7), ScheduleCalendar.Next("0 8 * * *", London, Utc(3, 29, 9)));

    [Fact]
    public void Next_OfATimeTheSpringChangeSkips_RunsOnceAtTheChange()
    {
        // 29 March 2026: 01:00 GMT becomes 02:00 BST, so 01:30 London never happens that day.
        Assert.Equal(Utc(3, 29, 1), ScheduleCalendar.Next("30 1 * * *", London, Utc(3, 28, 12)));
    }

    [Fact]
    public void Decide_OnTheAutumnChange_RunsATimeThatHappensTwiceOnlyOnce()
    {
        // 25 October 2026: 01:30 London happens at 00:30 UTC (BST) and again at 01:30 UTC (GMT).
        var first = ScheduleCalendar.Decide("30 1 * * *", London, Utc(10, 24, 12), Utc(10, 25, 0, 31), Window);
        var second = ScheduleCalendar.Decide("30 1 * * *", London, first.Run!.Value, Utc(10, 25, 1, 31), Window);

        Assert.Equal(Utc(10, 25, 0, 30), first.Run);
        Assert.Equal(ScheduleDecision.Nothing, second);
    }

    [Fact]
    public void Decide_AfterDowntimeWithinTheWindow_RunsOnlyTheLatestMissedOccurrence()
    {
        // Down from Monday 07:00 to Wednesday 09:00: Monday's and Tuesday's are too old, Wednesday's 08:00 is caught up.
        var decision = ScheduleCalendar.Decide("0 8 * * *", TimeZoneInfo.Utc, Utc(11, 23, 7), Utc(11, 25, 9), Window);

        Assert.Equal(new ScheduleDecision(Utc(11, 25, 8), null), decision);
    }

    [Fact]
    public void Decide_AfterDowntimeBeyondTheWindow_SkipsTheMissedOccurrence()
    {
        var decision = ScheduleCalendar.Decide("0 8 * * *", TimeZoneInfo.Utc, Utc(11, 24, 7), Utc(11, 24, 15), Window);

        Assert.Equal(new ScheduleDecision(null, Utc(11, 24, 8)), decision);
    }

    [Fact]
    public void Decide_BeforeTheNextOccurrence_DoesNothing() =>
        Assert.Equal(ScheduleDecision.Nothing, ScheduleCalendar.Decide("0 8 * * *", TimeZoneInfo.Utc, Utc(11, 24, 8), Utc(11, 25, 7, 59), Window));

    [Theory]
    [InlineData("0 8 * *")]
    [InlineData("61 8 * * *")]
    [InlineData("every morning")]
    public void Parse_OfABadCron_SaysHowToWriteIt(string cron)
    {
        var e = Assert.Throws<FormatException>(() => ScheduleCalendar.Parse(cron));
        Assert.Contains("five-field cron expression", e.Message);
    }

    [Theory]
    [InlineData("0 25 * * *", "hour 25 is out of range (0-23)")]
    [InlineData("61 8 * * *", "minute 61 is out of range (0-59)")]
    [InlineData("0 8 32 * *", "day-of-month 32 is out of range (1-31)")]
    [InlineData("0 8 0 * *", "day-of-month 0 is out of range (1-31)")]
    [InlineData("0 8 * 13 *", "month 13 is out of range (1-12 or JAN-DEC)")]
    [InlineData("0 8 * * 8", "day-of-week 8 is out of range (0-7 or SUN-SAT)")]
    [InlineData("0 8 * * 1-9", "day-of-week 9 is out of range (0-7 or SUN-SAT)")]
    [InlineData("0 8 * * mon-fry", "day-of-week 'fry' is not a number (0-7 or SUN-SAT)")]
    [InlineData("0 x * * *", "hour 'x' is not a number (0-23)")]
    [InlineData("*/0 8 * * *", "minute step '/0' must be a whole number of 1 or more")]
    [InlineData("0 8 * *", "it has 4 fields; a cron expression has 5: minute hour day-of-month month day-of-week")]
    [InlineData("every morning", "it has 2 fields; a cron expression has 5")]
    public void Parse_OfABadCron_NamesTheFieldThatIsWrong(string cron, string problem)
    {
        var e = Assert.Throws<FormatException>(() => ScheduleCalendar.Parse(cron));

        Assert.Contains(problem, e.Message);
    }

    [Theory]
    [InlineData("0 8 * * MON-FRI")]
    [InlineData("*/15 6-22 * JAN,JUL 0,7")]
    [InlineData("0 8 L * *")]
    public void Parse_AcceptsNamesStepsListsAndTheParsersExtras(string cron) => ScheduleCalendar.Parse(cron);
}
