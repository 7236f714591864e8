using NewsBrief.Core.Domain;
using NewsBrief.Summariser.Events;

namespace NewsBrief.Tests.Summariser.Events;

public sealed class DateExpressionsTests
{
    private static readonly DateOnly Wednesday = new(2025, 11, 19);

    [Theory]
    [InlineData("on Thursday", "2025-11-20", EventPrecision.Day, true)]
    [InlineData("next Tuesday", "2025-11-25", EventPrecision.Day, false)]
    [InlineData("this week", "2025-11-17", EventPrecision.Week, true)]
    [InlineData("next week", "2025-11-24", EventPrecision.Week, false)]
    [InlineData("next month", "2025-12-01", EventPrecision.Month, false)]
    [InlineData("on 13 February", "2026-02-13", EventPrecision.Day, false)]
    [InlineData("Feb. 13, 2026", "2026-02-13", EventPrecision.Day, false)]
    [InlineData("Thursday, February 13", "2026-02-13", EventPrecision.Day, false)]
    [InlineData("in March", "2026-03-01", EventPrecision.Month, true)]
    [InlineData("January 2026", "2026-01-01", EventPrecision.Month, false)]
    [InlineData("by the end of the year", "2025-12-01", EventPrecision.Month, false)]
    [InlineData("From 30th – 31st January", "2026-01-30", EventPrecision.Day, false)]
    [InlineData("tomorrow", "2025-11-20", EventPrecision.Day, false)]
    public void Find_ResolvesAgainstThePublicationDate(string text, string date, EventPrecision precision, bool assumed)
    {
        var found = Assert.Single(DateExpressions.Find(text, Wednesday));

        Assert.Equal((DateOnly.Parse(date), precision, assumed), (found.Date, found.Precision, found.Assumed));
        Assert.False(found.Past);
    }

    [Theory]
    [InlineData("last Tuesday")]
    [InlineData("yesterday")]
    [InlineData("on Oct. 7")]
    [InlineData("since March")]
    public void Find_MarksWhatIsBehindAsPast(string text) =>
        Assert.True(Assert.Single(DateExpressions.Find(text, Wednesday)).Past);

    [Fact]
    public void Find_IgnoresTheModalMayAndWeekdaysInsideWords()
    {
        Assert.Empty(DateExpressions.Find("Prices may rise as Ash Wednesday-like rituals spread.", Wednesday));
    }
}
