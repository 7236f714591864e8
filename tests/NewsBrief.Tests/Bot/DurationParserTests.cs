using NewsBrief.Bot.Cli;
using NewsBrief.Bot.Briefing;

namespace NewsBrief.Tests.Bot;

public sealed class DurationParserTests
{
    [Theory]
    [InlineData("90m", 90)]
    [InlineData("24h", 24 * 60)]
    [InlineData("7d", 7 * 24 * 60)]
    [InlineData("2w", 14 * 24 * 60)]
    [InlineData("1.5h", 90)]
    [InlineData("1.00:00:00", 24 * 60)]
    public void TryParse_AcceptsWhatUsersWrite(string text, double minutes)
    {
        Assert.True(DurationParser.TryParse(text, out var d, out _));
        Assert.Equal(minutes, d.TotalMinutes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("tomorrow")]
    [InlineData("0h")]
    [InlineData("-5h")]
    [InlineData("91d")]
    public void TryParse_RejectsNonsenseWithAReason(string text)
    {
        Assert.False(DurationParser.TryParse(text, out _, out var error));
        Assert.Contains("'" + text + "'", error);
    }
}
