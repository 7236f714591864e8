using NewsBrief.Scrapers.Extraction;

namespace NewsBrief.Tests.Scrapers.Extraction;

public sealed class ArticleExtractorBodyTests
{
    [Theory]
    [InlineData(BodyStrategy.Own)]
    [InlineData(BodyStrategy.SmartReader)]
    [InlineData(BodyStrategy.Combined)]
    public void Extract_KeepsEveryArticleParagraphInOrder_SeparatedByBlankLines(BodyStrategy strategy)
    {
        var article = ArticleExtractor.Extract(ExtractionFixture.Read("full-metadata.html"), new Uri("https://gazette.example/x"), strategy);

        var paragraphs = article.Text.Split("\n\n");
        Assert.Equal(4, paragraphs.Length);
        Assert.StartsWith("The city council voted on Tuesday evening", paragraphs[0]);
        Assert.StartsWith("A second vote, on extending the lanes", paragraphs[3]);
    }

    [Theory]
    [InlineData(BodyStrategy.Own)]
    [InlineData(BodyStrategy.SmartReader)]
    [InlineData(BodyStrategy.Combined)]
    public void Extract_LeavesOutNavigationShareBarsRelatedLinksCaptionsAndFooter(BodyStrategy strategy)
    {
        var text = ArticleExtractor.Extract(ExtractionFixture.Read("full-metadata.html"), new Uri("https://gazette.example/x"), strategy).Text;

        foreach (var boilerplate in new[] { "Home", "Share on Facebook", "Bus fares to rise", "Related stories", "caption text", "footer text" })
            Assert.DoesNotContain(boilerplate, text);
    }

    [Fact]
    public void Extract_OnAPageWithoutArticleContainer_FindsTheParagraphs()
    {
        var text = ExtractionFixture.Extract("meta-tags-only.html").Text;

        Assert.Contains("The central library will stay open until nine", text);
        Assert.Contains("since eighteen ninety-two", text);
        Assert.DoesNotContain("Jo Bloggs", text);
    }

    [Fact]
    public void Extract_OnAVeryShortPage_StillReturnsItsOneParagraph()
    {
        var text = ExtractionFixture.Extract("time-element.html").Text;

        Assert.Contains("The ferry to the island will leave half an hour earlier", text);
    }

    [Fact]
    public void ToPlainText_TurnsAFeedDescriptionIntoLinesWithEntitiesDecoded()
    {
        var text = HtmlText.ToPlainText("<p>Fish &amp; chips</p><script>alert(1)</script><p>Second&nbsp;line<br>third</p>");

        Assert.Equal("Fish & chips\nSecond line\nthird", text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void ToPlainText_OfNothing_IsEmpty(string? html) => Assert.Equal("", HtmlText.ToPlainText(html));
}
