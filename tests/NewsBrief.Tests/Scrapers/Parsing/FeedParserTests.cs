using NewsBrief.Scrapers.Parsing;

namespace NewsBrief.Tests.Scrapers.Parsing;

public sealed class FeedParserTests
{
    private static readonly Uri FeedUrl = new("https://news.example.org/feeds/main.xml");

    [Fact]
    public void Parse_Rss20_ReadsTitlesLinksDatesGuidsAndTtl()
    {
        const string rss = """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
              <channel>
                <title>Example News</title><link>https://news.example.org/</link><ttl>45</ttl>
                <item>
                  <title>First story</title><link>https://news.example.org/a/1</link><guid isPermaLink="false">id-1</guid>
                  <pubDate>Tue, 03 Mar 2026 10:15:00 EST</pubDate><dc:creator>Ann Author</dc:creator>
                  <description>Short</description><content:encoded><![CDATA[<p>Long & full</p>]]></content:encoded>
                </item>
                <item><title>Undated</title><link>/a/2</link></item>
              </channel>
            </rss>
            """;

        var feed = FeedParser.Parse(rss, FeedUrl);

        Assert.Equal("Example News", feed.Title);
        Assert.Equal(TimeSpan.FromMinutes(45), feed.Ttl);
        Assert.Equal(2, feed.Items.Count);
        var first = feed.Items[0];
        Assert.Equal("First story", first.Title);
        Assert.Equal(new Uri("https://news.example.org/a/1"), first.Link);
        Assert.Equal("id-1", first.Guid);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 15, 15, 0, TimeSpan.Zero), first.Published);
        Assert.Equal("Ann Author", first.Author);
        Assert.Equal("<p>Long & full</p>", first.Content);
        Assert.Null(feed.Items[1].Published);
        Assert.Equal(new Uri("https://news.example.org/a/2"), feed.Items[1].Link);
    }

    [Fact]
    public void Parse_Atom_ResolvesRelativeLinksAgainstXmlBase()
    {
        const string atom = """
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example.com/en/">
              <title type="html">Blog &amp;lt;3</title>
              <link href="/" />
              <entry xml:base="posts/">
                <title>Relative</title><link rel="alternate" href="hello.html"/><id>urn:1</id>
                <updated>2026-03-03T10:15:00+01:00</updated>
                <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hi</p></div></content>
              </entry>
              <entry><title>Absolute</title><link href="https://elsewhere.example.net/x"/><published>2026-03-02T08:00:00Z</published></entry>
            </feed>
            """;

        var feed = FeedParser.Parse(atom, FeedUrl);

        Assert.Equal("Blog <3", feed.Title);
        Assert.Equal(new Uri("https://blog.example.com/"), feed.Link);
        Assert.Equal(new Uri("https://blog.example.com/en/posts/hello.html"), feed.Items[0].Link);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 9, 15, 0, TimeSpan.Zero), feed.Items[0].Published);
        Assert.Contains("<p", feed.Items[0].Content);
        Assert.Equal(new Uri("https://elsewhere.example.net/x"), feed.Items[1].Link);
    }

    [Fact]
    public void Parse_RssWithRelativeItemLinks_ResolvesThemAgainstTheChannelLink()
    {
        const string rss = "<rss><channel><title>T</title><link>https://site.example.com/news/</link><item><title>A</title><link>story/7</link></item></channel></rss>";

        var feed = FeedParser.Parse(rss, FeedUrl);

        Assert.Equal(new Uri("https://site.example.com/news/story/7"), feed.Items[0].Link);
    }

    [Theory]
    [InlineData("<channel><title>Bare</title><item><title>A</title><link>https://x.example/1</link></item><item><title>B</title><link>https://x.example/2</link></item></channel>")]
    [InlineData("<channel><title>Bare &nbsp;</title><item><title>A &</title><link>https://x.example/1</link></item><item><title>B</title><link>https://x.example/2</link></item></channel>")]
    public void Parse_ChannelAsTheRootElement_ReadsEachItemOnce(string rss)
    {
        // The second document is malformed (a bare '&', an HTML entity), so it goes the lenient way.
        var feed = FeedParser.Parse(rss, FeedUrl);

        Assert.Equal(["https://x.example/1", "https://x.example/2"], feed.Items.Select(i => i.Link!.ToString()));
        Assert.StartsWith("Bare", feed.Title);
    }

    [Fact]
    public void Parse_SyndicationUpdatePeriod_BecomesTheTtl()
    {
        const string rdf = """
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">
              <channel rdf:about="https://x.example/"><title>RDF</title><link>https://x.example/</link><sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>4</sy:updateFrequency></channel>
              <item rdf:about="https://x.example/1"><title>One</title><link>https://x.example/1</link></item>
            </rdf:RDF>
            """;

        var feed = FeedParser.Parse(rdf, FeedUrl);

        Assert.Equal(TimeSpan.FromMinutes(15), feed.Ttl);
        Assert.Equal("One", Assert.Single(feed.Items).Title);
    }

    [Fact]
    public void Parse_BareAmpersandsAndHtmlEntities_AreReadAsABrowserWould()
    {
        const string rss = "<rss><channel><title>Fish & Chips&nbsp;&eacute;t&eacute; &copy=2</title><item><title>Caf&eacute; &amp; Bar</title><link>https://x.example/?a=1&b=2</link></item></channel></rss>";

        var feed = FeedParser.Parse(rss, FeedUrl);

        Assert.Equal("Fish & Chips été &copy=2", feed.Title);
        Assert.Equal("Café & Bar", feed.Items[0].Title);
        Assert.Equal(new Uri("https://x.example/?a=1&b=2"), feed.Items[0].Link);
    }

    [Fact]
    public void Parse_ControlCharactersUnclosedHtmlAndGarbageAfterTheRoot_KeepEveryItem()
    {
        const string rss = "<rss><channel><title>Bad\u0001 feed</title>"
            + "<item><title>One</title><link>https://x.example/1</link><description>a <br> b <p>unclosed</description></item>"
            + "<item><title>Two</title><link>https://x.example/2</link></item>"
            + "</channel></rss>\n<!-- cache 0.3s --><div>garbage</div>";

        var feed = FeedParser.Parse(rss, FeedUrl);

        Assert.Equal("Bad feed", feed.Title);
        Assert.Equal(["One", "Two"], feed.Items.Select(i => i.Title));
    }

    [Fact]
    public void Parse_TruncatedDocument_KeepsTheItemsBeforeTheCut()
    {
        const string rss = "<rss><channel><title>Cut</title><item><title>Whole</title><link>https://x.example/1</link></item><item><title>Half";

        var feed = FeedParser.Parse(rss, FeedUrl);

        Assert.Equal("Whole", feed.Items[0].Title);
    }

    [Fact]
    public void Parse_JsonFeed_ReadsItemsAndDerivesMissingTitles()
    {
        const string json = """
            {"version":"https://jsonfeed.org/version/1.1","title":"JF","home_page_url":"https://j.example/",
             "items":[{"id":"1","url":"/p/1","title":"Titled","date_published":"2026-03-01T12:00:00Z","authors":[{"name":"Bo"}]},
                      {"id":"2","url":"https://j.example/p/2","content_text":"Just a short note without a title"}]}
            """;

        var feed = FeedParser.Parse(json, FeedUrl);

        Assert.Equal("JF", feed.Title);
        Assert.Equal(new Uri("https://j.example/p/1"), feed.Items[0].Link);
        Assert.Equal("Bo", feed.Items[0].Author);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero), feed.Items[0].Published);
        Assert.Equal("Just a short note without a title", feed.Items[1].Title);
    }

    [Fact]
    public void Parse_AtomEntryDocument_IsAOneItemFeed()
    {
        const string entry = """<entry xmlns="http://www.w3.org/2005/Atom"><title>Alone</title><link href="https://x.example/1"/></entry>""";

        Assert.Equal("Alone", Assert.Single(FeedParser.Parse(entry, FeedUrl).Items).Title);
    }

    [Fact]
    public void Parse_RssItemsWithOnlyDublinCoreFields_FallBackToThem()
    {
        const string rss = """<rss xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><dc:title>DC feed</dc:title><item><dc:title>DC item</dc:title><dc:date>2026-02-03T04:05:06Z</dc:date></item></channel></rss>""";

        var feed = FeedParser.Parse(rss, FeedUrl);

        Assert.Equal("DC feed", feed.Title);
        Assert.Equal("DC item", feed.Items[0].Title);
        Assert.Equal(new DateTimeOffset(2026, 2, 3, 4, 5, 6, TimeSpan.Zero), feed.Items[0].Published);
    }

    [Fact]
    public void Parse_HtmlPageWithAFeedLink_SaysSoAndNamesTheFeed()
    {
        const string html = """<!DOCTYPE html><html><head><link rel="alternate" type="application/rss+xml" href="/rss.xml"></head><body>hi</body></html>""";

        var error = Assert.Throws<FeedParseException>(() => FeedParser.Parse(html, new Uri("https://site.example.com/news")));

        Assert.Equal("the document is an HTML page, not a feed; the page names its feed: use https://site.example.com/rss.xml", error.Message);
        Assert.Equal([new Uri("https://site.example.com/rss.xml")], error.FeedUrls);
    }

    [Theory]
    [InlineData("", "the document is empty")]
    [InlineData("   \n", "the document is empty")]
    [InlineData("hello world", "does not start with '<'")]
    [InlineData("<note><to>x</to></note>", "the root element is <note>")]
    [InlineData("{\"name\":\"not a feed\"}", "not a JSON Feed")]
    [InlineData("{\"items\": [", "not valid JSON")]
    [InlineData("<<<>>>", "nothing could be recovered")]
    [InlineData("<html><body>no feed here</body></html>", "HTML page, not a feed, and the page links to no feed")]
    public void Parse_WhatIsNoFeed_FailsWithAReason(string content, string expected)
    {
        var error = Assert.Throws<FeedParseException>(() => FeedParser.Parse(content, FeedUrl));

        Assert.Contains(expected, error.Message);
    }
}
