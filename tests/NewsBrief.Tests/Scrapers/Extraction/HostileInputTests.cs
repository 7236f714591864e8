using System.Text;
using NewsBrief.Scrapers.Extraction;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Scrapers.Extraction;

public sealed class HostileInputTests
{
    private static readonly Uri Page = new("https://hostile.example/page");

    [Theory]
    [InlineData("")]
    [InlineData("   \n ")]
    [InlineData("<html>")]
    [InlineData("</p></div></html>")]
    [InlineData("<html><body><div><span></span></div></body></html>")]
    public void Extract_OfEmptyOrBrokenMarkup_ReturnsEmptyText(string html)
    {
        var article = ArticleExtractor.Extract(html, Page);

        Assert.Equal("", article.Text);
        Assert.Equal(Page, article.Url);
        Assert.Null(article.Problem);
    }

    [Theory]
    [InlineData(BodyStrategy.Own)]
    [InlineData(BodyStrategy.SmartReader)]
    [InlineData(BodyStrategy.Combined)]
    public void Extract_OfHugelyNestedMarkup_ReturnsEmptyTextInsteadOfOverflowingTheStack(BodyStrategy strategy)
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 200_000)) + "<p>deep text</p></body></html>";

        var article = ArticleExtractor.Extract(html, Page, strategy);

        Assert.Equal("", article.Text);
        Assert.Equal("the page is too deeply nested (over 3000 levels of tags)", article.Problem);
    }

    [Theory]
    [InlineData(BodyStrategy.Own)]
    [InlineData(BodyStrategy.SmartReader)]
    public void Extract_OfMarkupNestedBeyondTheTreeLimit_ReturnsEmptyText(BodyStrategy strategy)
    {
        // Deep enough to trip the parsed-tree check but not the raw pre-scan.
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<span>", 1_000)) + "<p>deep text</p></body></html>";

        var article = ArticleExtractor.Extract(html, Page, strategy);

        Assert.Equal("", article.Text);
        Assert.Contains("too deeply nested (over 400 levels of elements)", article.Problem);
    }

    [Fact]
    public void Extract_PastItsTimeBudget_IsRefusedWithTheBudgetNamed()
    {
        var html = ExtractionFixture.Read("full-metadata.html");

        // Every reading of this clock is ten seconds later, so the page "takes" longer than five seconds.
        var article = ArticleExtractor.Extract(html, Page, BodyStrategy.Combined, TimeSpan.FromSeconds(5), new SteppingClock(TimeSpan.FromSeconds(10)));

        Assert.Equal("", article.Text);
        Assert.Equal("the page took longer than the extraction budget of 5 s", article.Problem);
    }

    [Fact]
    public void Extract_WithinItsTimeBudget_ReadsThePage()
    {
        var html = ExtractionFixture.Read("full-metadata.html");

        var article = ArticleExtractor.Extract(html, Page, BodyStrategy.Combined, TimeSpan.FromSeconds(5), new SteppingClock(TimeSpan.FromMilliseconds(1)));

        Assert.Null(article.Problem);
        Assert.Contains("The city council voted on Tuesday evening", article.Text);
    }

    [Fact]
    public void Extract_OfBinaryJunk_ReturnsEmptyText()
    {
        var bytes = new byte[20_000];
        new Random(7).NextBytes(bytes);

        var article = ArticleExtractor.Extract(Encoding.Latin1.GetString(bytes), Page);

        Assert.Equal("", article.Text);
        Assert.Contains("binary", article.Problem);
    }

    [Fact]
    public void Extract_OfBrokenJsonLdAndBadDates_StillReadsTheRest()
    {
        const string html = """
            <html lang="nl"><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>
            <meta property="article:published_time" content="not a date"><meta property="og:title" content="Bridge reopens"></head>
            <body><p>The bridge over the canal reopened this morning after three months of repairs to its lifting mechanism.</p></body></html>
            """;

        var article = ArticleExtractor.Extract(html, Page);

        Assert.Equal("Bridge reopens", article.Title);
        Assert.Null(article.Published);
        Assert.Equal("nl", article.Language);
        Assert.Contains("The bridge over the canal reopened", article.Text);
    }

    [Fact]
    public void Extract_WithoutUrl_NamesTheMissingArgument()
    {
        var error = Assert.Throws<ArgumentNullException>(() => ArticleExtractor.Extract("<p>x</p>", null!));

        Assert.Equal("url", error.ParamName);
    }
}
