using AngleSharp.Html.Parser;
using NewsBrief.Scrapers.Extraction;

namespace NewsBrief.Tests.Scrapers.Extraction;

public sealed class ParagraphCoverageTests
{
    private static readonly string Sentence = string.Concat(Enumerable.Repeat("The council met again on Tuesday to discuss the bridge. ", 3));

    [Fact]
    public void KeptBy_CountsOnlyLongParagraphsThatAreNotLinks_AndOnlyThoseStillInsideTheContent()
    {
        var document = new HtmlParser().ParseDocument($"""
            <html><body>
            <div id="a"><p>{Sentence}</p><p>{Sentence}</p><p>too short to count</p></div>
            <div id="b"><p>{Sentence}</p><p><a href="/x">{Sentence}</a></p></div>
            </body></html>
            """);
        var coverage = ParagraphCoverage.Survey(document);
        var a = document.GetElementById("a")!;
        var b = document.GetElementById("b")!;

        Assert.Equal(3 * Sentence.Length, coverage.Total);
        Assert.Equal(2.0 / 3, coverage.KeptBy([a]), 3);
        Assert.Equal(1.0, coverage.KeptBy([a, b]), 3);

        a.QuerySelector("p")!.Remove();
        Assert.Equal(1.0 / 3, coverage.KeptBy([a]), 3);
    }

    [Fact]
    public void KeptBy_OnAPageWithoutRunningText_IsZero()
    {
        var document = new HtmlParser().ParseDocument("<html><body><ul><li><a href='/1'>One</a></li></ul></body></html>");

        Assert.Equal(0, ParagraphCoverage.Survey(document).KeptBy([document.Body!]));
    }
}
