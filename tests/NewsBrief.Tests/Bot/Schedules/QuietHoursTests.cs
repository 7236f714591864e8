using NewsBrief.Bot.Schedules;

namespace NewsBrief.Tests.Bot.Schedules;

public sealed class QuietHoursTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [Fact]
    public void EndIfQuiet_LateInTheEveningOfAnOvernightPeriod_IsTheNextMorning()
    {
        // 23:30 London in summer is 22:30 UTC; 07:00 BST the next day is 06:00 UTC.
        var end = QuietHours.Parse("22:00-07:00").EndIfQuiet(new DateTimeOffset(2026, 7, 1, 22, 30, 0, TimeSpan.Zero), London);

        Assert.Equal(new DateTimeOffset(2026, 7, 2, 6, 0, 0, TimeSpan.Zero), end);
    }

    [Fact]
    public void EndIfQuiet_EarlyInTheMorningOfAnOvernightPeriod_IsThatMorning() =>
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 7, 0, 0, TimeSpan.Zero),
            QuietHours.Parse("22:00-07:00").EndIfQuiet(new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero), London));

    [Fact]
    public void EndIfQuiet_OutsideThePeriod_IsNull() =>
        Assert.Null(QuietHours.Parse("22:00-07:00").EndIfQuiet(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero), London));

    [Fact]
    public void EndIfQuiet_OfADaytimePeriod_EndsTheSameDay() =>
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 14, 0, 0, TimeSpan.Zero),
            QuietHours.Parse("12:00-14:00").EndIfQuiet(new DateTimeOffset(2026, 12, 1, 13, 0, 0, TimeSpan.Zero), TimeZoneInfo.Utc));

    [Theory]
    [InlineData("22-07")]
    [InlineData("22:00")]
    [InlineData("07:00-07:00")]
    [InlineData("25:00-07:00")]
    public void Parse_OfABadPeriod_SaysHowToWriteIt(string text) =>
        Assert.Contains("write it like 22:00-07:00", Assert.Throws<FormatException>(() => QuietHours.Parse(text)).Message);
}
