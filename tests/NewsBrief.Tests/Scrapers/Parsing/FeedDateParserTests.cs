using NewsBrief.Scrapers.Parsing;

namespace NewsBrief.Tests.Scrapers.Parsing;

public sealed class FeedDateParserTests
{
    [Theory]
    [InlineData("Wed, 31 Jan 2018 07:26:05 GMT", "2018-01-31T07:26:05Z")]
    [InlineData("Wed, 31 Jan 2018 07:26:05 +0000", "2018-01-31T07:26:05Z")]
    [InlineData("Sat, 21 Mar 2020 06:29:51 -0400", "2020-03-21T10:29:51Z")]
    [InlineData("Tue, 3 Mar 2026 10:15 EST", "2026-03-03T15:15:00Z")]
    [InlineData("Tue, 03 Mar 2026 10:15:00 PDT", "2026-03-03T17:15:00Z")]
    [InlineData("Tue, 03 Mar 2026 10:15:00 CEST", "2026-03-03T08:15:00Z")]
    [InlineData("Tue, 03 Mar 2026 10:15:00 IST", "2026-03-03T04:45:00Z")]
    [InlineData("Tue, 03 Mar 2026 10:15:00 +05:30", "2026-03-03T04:45:00Z")]
    [InlineData("03 Mar 26 10:15:00 GMT", "2026-03-03T10:15:00Z")]
    [InlineData("Ter, 03 Mar 2026 10:15:00 -0300", "2026-03-03T13:15:00Z")]
    [InlineData("Sex, 06 Fev 2026 10:15:00 -0300", "2026-02-06T13:15:00Z")]
    [InlineData("Mon, 02 Mar 2026 10:15:00", "2026-03-02T10:15:00Z")]
    [InlineData("2026-03-03T10:15:00Z", "2026-03-03T10:15:00Z")]
    [InlineData("2026-03-03T10:15:00.123+01:00", "2026-03-03T09:15:00.123Z")]
    [InlineData("2026-03-03", "2026-03-03T00:00:00Z")]
    [InlineData("2026-03-03 10:15:00", "2026-03-03T10:15:00Z")]
    public void Parse_ReadsRfc822AndIso8601(string text, string expectedUtc)
    {
        var parsed = FeedDateParser.Parse(text);

        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("31 Foo 2018 07:26:05 GMT")]
    [InlineData("Wed, 31 Feb 2018 07:26:05 GMT")]
    public void Parse_WhenNoDateCanBeRead_ReturnsNull(string? text)
    {
        Assert.Null(FeedDateParser.Parse(text));
    }
}
