using NewsBrief.Scrapers.Extraction;

namespace NewsBrief.Tests.Scrapers.Extraction;

public sealed class ArticleMetadataTests
{
    private static ExtractedArticle Full => ExtractionFixture.Extract("full-metadata.html");
    private static ExtractedArticle MetaOnly => ExtractionFixture.Extract("meta-tags-only.html", "https://post.example/library-hours?utm_source=feed");

    [Fact]
    public void Title_OfTheFullFixture_IsItsOpenGraphTitle() =>
        Assert.Equal("Council approves new cycle lanes for the harbour district", Full.Title);

    [Fact]
    public void Title_FromTitleElement_DropsTheSiteNameSuffix() =>
        Assert.Equal("Library opens late on Thursdays after staff survey", MetaOnly.Title);

    [Fact]
    public void Title_WithoutOpenGraph_PrefersTitleElementOverH1() =>
        Assert.Equal("Short page", ExtractionFixture.Extract("time-element.html").Title);

    [Fact]
    public void Title_WithoutAnyTitleElement_ComesFromTheSingleH1() =>
        Assert.Equal("Ferry timetable changes", ArticleExtractor.Extract("<body><h1>Ferry timetable changes</h1><p>Text.</p></body>", new Uri("https://a.example/")).Title);

    [Fact]
    public void Byline_OfTheFullFixture_JoinsItsJsonLdAuthors() => Assert.Equal("Ada Lovelace, Grace Hopper", Full.Byline);

    [Fact]
    public void Byline_FallsBackToRelAuthorLink() => Assert.Equal("Jo Bloggs", MetaOnly.Byline);

    [Fact]
    public void Published_OfTheFullFixture_IsItsJsonLdDate() =>
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 9, 30, 0, TimeSpan.FromHours(1)), Full.Published);

    [Fact]
    public void Published_ReadsDublinCoreDateAsUtcMidnight() =>
        Assert.Equal(new DateTimeOffset(2023, 11, 20, 0, 0, 0, TimeSpan.Zero), MetaOnly.Published);

    [Fact]
    public void Published_FallsBackToTimeElementDatetime() =>
        Assert.Equal(new DateTimeOffset(2022, 7, 14, 8, 0, 0, TimeSpan.Zero), ExtractionFixture.Extract("time-element.html").Published);

    [Theory]
    [InlineData("Ukraine talks resume – DW – 13.06.2023", "DW", "www.dw.com", "Ukraine talks resume")]
    [InlineData("Missile hits Kyiv - National | Globalnews.ca", null, "globalnews.ca", "Missile hits Kyiv - National")]
    [InlineData("Budget: what it means for you", "Example News", "news.example", "Budget: what it means for you")]
    [InlineData("Rates rise again | Example News", "Example News", "news.example", "Rates rise again")]
    public void StripSiteSuffix_DropsSiteNamesHostsAndDatesButKeepsTheHeadline(string title, string? site, string host, string expected) =>
        Assert.Equal(expected, ArticleMetadataReader.StripSiteSuffix(title, site, host));

    [Fact]
    public void Byline_SkipsAnEmailAddressAndJoinsNamesWithCommas()
    {
        const string html = """
            <html><head><meta name="author" content="desk@paper.example"></head>
            <body><p class="byline">By Ann Smith and Bo Lee</p><p>Some text of the article that is long enough to matter here.</p></body></html>
            """;

        Assert.Equal("Ann Smith, Bo Lee", ArticleExtractor.Extract(html, new Uri("https://paper.example/a")).Byline);
    }

    [Fact]
    public void CanonicalUrl_OfTheFullFixture_IsItsLinkRelCanonical() =>
        Assert.Equal(new Uri("https://gazette.example/news/cycle-lanes"), Full.CanonicalUrl);

    [Fact]
    public void CanonicalUrl_FallsBackToOgUrl() => Assert.Equal(new Uri("https://post.example/library-hours"), MetaOnly.CanonicalUrl);

    [Fact]
    public void Language_OfEachFixture_IsReadAndNormalised()
    {
        Assert.Equal("en-GB", Full.Language);
        Assert.Equal("de-DE", MetaOnly.Language);
        Assert.Equal("fr", ExtractionFixture.Extract("time-element.html").Language);
    }

    [Fact]
    public void LeadImage_IsOgImageResolvedAgainstThePageUrl() =>
        Assert.Equal(new Uri("https://gazette.example/images/lanes.jpg"), Full.LeadImage);

    [Fact]
    public void Url_IsThePageUrlGiven() => Assert.Equal(new Uri("https://gazette.example/news/page?id=1"), Full.Url);

    [Fact]
    public void JsonLd_WrappedInCData_IsStillRead()
    {
        const string html = """
            <html><head><script type="application/ld+json">
            <![CDATA[ {"@type": "SocialMediaPosting", "datePublished": "2014-09-02T08:35:27-04:00", "author": {"name": "Mia Chen"}} ]]>
            </script></head><body><p>x</p></body></html>
            """;

        var article = ArticleExtractor.Extract(html, new Uri("https://blog.example/post/1"));

        Assert.Equal(new DateTimeOffset(2014, 9, 2, 8, 35, 27, TimeSpan.FromHours(-4)), article.Published);
        Assert.Equal("Mia Chen", article.Byline);
    }

    [Fact]
    public void Byline_PrefersDublinCoreCreatorOverAPlainAuthorMeta()
    {
        const string html = """<html><head><meta property="dc:creator twitter:site_name" content="Creator Name"><meta name="author" content="Site Desk"></head><body></body></html>""";

        Assert.Equal("Creator Name", ArticleExtractor.Extract(html, new Uri("https://a.example/")).Byline);
    }

    [Theory]
    [InlineData("Nicolas Perriault —", "Nicolas Perriault")]
    [InlineData("Laura June Topolsky July 10, 2015", "Laura June Topolsky")]
    [InlineData("GILLIAN MOHNEY March 11, 2015 3:46 PM", "GILLIAN MOHNEY")]
    [InlineData("James Akinaka • 8h", "James Akinaka")]
    [InlineData("Aleš Vávra před 2 hodinami", "Aleš Vávra")]
    [InlineData("Jean-Paul Sartre", "Jean-Paul Sartre")]
    public void BylineTail_DropsDatesAndWhatFollowsASeparator(string byline, string expected) =>
        Assert.Equal(expected, ArticleMetadataReader.BylineTail(byline));

    [Fact]
    public void ParseDate_AcceptsAnOffsetWithoutColon() =>
        Assert.Equal(new DateTimeOffset(2015, 7, 10, 9, 53, 0, TimeSpan.FromHours(-4)), ArticleMetadataReader.ParseDate("2015-07-10 09:53:00 -0400"));
}
