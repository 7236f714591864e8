using NewsBrief.Scrapers.Parsing;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Scrapers.Parsing;

public sealed class FeedDiscoveryTests
{
    [SharedDataTheory]
    [InlineData("codehollow.html", "https://codehollow.com/", "https://codehollow.com/feed/")]
    [InlineData("heise.html", "https://www.heise.de/", "https://www.heise.de/rss/heise-atom.xml")]
    [InlineData("japantimes.html", "https://www.japantimes.co.jp/", "https://www.japantimes.co.jp/feed/topstories")]
    [InlineData("orf.html", "https://orf.at/", "https://rss.orf.at/news.xml")]
    [InlineData("stackoverflow.html", "https://stackoverflow.com/questions", "https://stackoverflow.com/feeds")]
    [InlineData("stadtfeuerwehrweiz.html", "http://www.stadtfeuerwehr-weiz.at/", "http://www.stadtfeuerwehr-weiz.at/rss/einsaetze.xml")]
    [InlineData("theverge.html", "https://www.theverge.com/", "https://www.theverge.com/rss/index.xml")]
    public void Discover_OnRealPages_PutsTheAlternateFeedFirst(string file, string page, string expected)
    {
        var html = File.ReadAllText(SharedData.Path("feeds", "codehollow-feedreader", "Html", file));

        var feeds = FeedDiscovery.Discover(html, new Uri(page));

        Assert.Equal(new Uri(expected), feeds[0]);
    }

    [SharedDataFact]
    public void Parse_OfARealHtmlPage_NamesItsFeed()
    {
        var html = File.ReadAllText(SharedData.Path("feeds", "codehollow-feedreader", "Html", "orf.html"));

        var error = Assert.Throws<FeedParseException>(() => FeedParser.Parse(html, new Uri("https://orf.at/")));

        Assert.Contains("https://rss.orf.at/news.xml", error.Message);
    }

    [Fact]
    public void Discover_FindsFeedLikeAnchorsAfterAlternates_WithoutDuplicates()
    {
        const string html = """
            <html><head><base href="https://example.com/blog/"><link rel="alternate" type="application/atom+xml" href="atom.xml">
            <link rel="alternate" type="application/json" href="/wp-json/wp/v2/pages/1"></head>
            <body><a href="/feed/">Feed</a><a href="atom.xml">Atom</a><a href="/about">About</a><a href="mailto:x@example.com">Mail</a></body></html>
            """;

        var feeds = FeedDiscovery.Discover(html, new Uri("https://example.com/blog/post"));

        Assert.Equal([new Uri("https://example.com/blog/atom.xml"), new Uri("https://example.com/feed/")], feeds);
    }

    [Fact]
    public void Discover_OnAPageWithoutFeeds_ReturnsNothing()
    {
        Assert.Empty(FeedDiscovery.Discover("<html><body><a href='/contact'>x</a></body></html>", new Uri("https://example.com/")));
    }

    [Fact]
    public void Discover_APageWithNoWordAFeedLinkNeeds_FindsNothing()
    {
        const string html = "<html><head><title>Budget vote</title></head><body><a href=\"/news/2\">Next</a><p>MPs voted today.</p></body></html>";

        Assert.False(FeedDiscovery.MayNameAFeed(html, new Uri("https://example.com/news/1")));
        Assert.Empty(FeedDiscovery.Discover(html, new Uri("https://example.com/news/1")));
    }

    [Theory]
    [InlineData("<a href=\"#top\">Top</a>", "https://example.com/blog/feed", "https://example.com/blog/feed#top")]
    [InlineData("<a href=\"/&#102;eed\">Subscribe</a>", "https://example.com/", "https://example.com/feed")]
    [InlineData("<link rel=\"ALTERNATE\" type=\"application/rss+xml\" href=\"/x.xml\">", "https://example.com/", "https://example.com/x.xml")]
    public void Discover_LinksTheCheapLookMustNotMiss_AreFound(string markup, string page, string expected)
    {
        var html = $"<html><head></head><body>{markup}</body></html>";

        Assert.Equal(new Uri(expected), Assert.Single(FeedDiscovery.Discover(html, new Uri(page))));
    }
}
