using System.Text;
using NewsBrief.Scrapers.Parsing;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Scrapers.Parsing;

public sealed class ParseBudgetTests
{
    private static readonly Uri FeedUrl = new("https://news.example.org/feed.xml");

    /// <summary>An RSS feed whose one description holds <paramref name="depth"/> nested elements (about 7 bytes each), closed or not.</summary>
    internal static string DeepRss(int depth, bool closed = true)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Deep</title><item><title>Down</title><description>");
        for (var i = 0; i < depth; i++) xml.Append("<a>");
        if (closed) for (var i = 0; i < depth; i++) xml.Append("</a>");
        return xml.Append("</description></item></channel></rss>").ToString();
    }

    private static string ManyItems(int count)
    {
        var builder = new RssBuilder();
        for (var i = 0; i < count; i++) builder.Item($"Story {i}", $"https://news.example.org/a/{i}", "Text.", new DateTimeOffset(2026, 11, 26, 7, 0, 0, TimeSpan.Zero));
        return builder.Build();
    }

    [Fact]
    public void Parse_A200000DeepFeed_IsRefusedAsTooDeeplyNested()
    {
        var deep = DeepRss(200_000);

        var error = Assert.Throws<FeedParseException>(() => FeedParser.Parse(deep, FeedUrl));

        Assert.True(deep.Length > 1_300_000);
        Assert.Contains("too deeply nested", error.Message);
        Assert.Contains(ParseBudget.DefaultMaxDepth.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message);
    }

    [Fact]
    public void Parse_ADeepFeedThatIsNotWellFormed_IsRefusedByTheLenientReaderToo()
    {
        var error = Assert.Throws<FeedParseException>(() => FeedParser.Parse(DeepRss(200_000, closed: false), FeedUrl));

        Assert.Contains("too deeply nested", error.Message);
    }

    [Fact]
    public void Parse_ADeepJsonFeed_IsRefusedAsTooDeeplyNested()
    {
        var json = "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[{\"title\":\"x\",\"_ext\":" + new string('[', 200_000) + new string(']', 200_000) + "}]}";

        var error = Assert.Throws<FeedParseException>(() => FeedParser.Parse(json, FeedUrl));

        Assert.Contains("too deeply nested", error.Message);
    }

    [Fact]
    public void Parse_NestingWithinTheLimit_IsRead()
    {
        var feed = FeedParser.Parse(DeepRss(ParseBudget.DefaultMaxDepth - 10), FeedUrl);

        Assert.Equal("Down", Assert.Single(feed.Items).Title);
    }

    [Fact]
    public void Parse_LongerThanTheTimeBudget_FailsWithTheBudgetAsReason()
    {
        // Every clock reading "takes" 100 ms; a 20,000-item feed reads it about 80 times.
        var clock = new SteppingClock(TimeSpan.FromMilliseconds(100));

        var error = Assert.Throws<FeedParseException>(() => FeedParser.Parse(ManyItems(20_000), FeedUrl, new ParseBudget(TimeSpan.FromSeconds(2), clock)));

        Assert.Contains("longer than its budget of 2 s", error.Message);
    }

    [Fact]
    public void Parse_WithinTheTimeBudget_ReadsEveryItem()
    {
        var clock = new SteppingClock(TimeSpan.FromMilliseconds(100));

        var feed = FeedParser.Parse(ManyItems(500), FeedUrl, new ParseBudget(TimeSpan.FromSeconds(2), clock));

        Assert.Equal(500, feed.Items.Count);
    }
}
