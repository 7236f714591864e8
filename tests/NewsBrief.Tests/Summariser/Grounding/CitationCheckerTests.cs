using NewsBrief.Summariser.Grounding;

namespace NewsBrief.Tests.Summariser.Grounding;

public sealed class CitationCheckerTests
{
    private static readonly IReadOnlyList<CitedSource> Sources =
    [
        new(1, 501, "EU fines Meta", "The European Commission fined Meta €1.2 billion in 2023. The fine is 4% of turnover, officials said.", "https://a.example/meta-fine"),
        new(2, 502, "Meta to appeal", "Meta said it would appeal the decision. Its lawyers called the fine unjustified.", "https://b.example/appeal"),
    ];

    private static CheckedSummary Check(params DraftSentence[] sentences) =>
        CitationChecker.Check(new DraftSummary("EU fines Meta", sentences), Sources);

    [Fact]
    public void Check_MapsArticleNumbersToArticleIds()
    {
        var result = Check(new DraftSentence("The European Commission fined Meta €1.2 billion.", [1, 2]));

        Assert.Equal([501L, 502L], result.Sentences.Single().Citations);
        Assert.Equal((1, 0, 0), (result.Checked, result.Dropped, result.Marked));
    }

    [Fact]
    public void Check_DropsASentenceWithoutCitations()
    {
        var result = Check(new DraftSentence("Meta said it would appeal.", []), new DraftSentence("Meta said it would appeal the decision.", [2]));

        Assert.Single(result.Sentences);
        Assert.Equal(1, result.Dropped);
    }

    [Fact]
    public void Check_RemovesCitationsToArticlesNotGivenAndDropsASentenceLeftWithNone()
    {
        var result = Check(new DraftSentence("Meta said it would appeal.", [2, 9]), new DraftSentence("Regulators elsewhere agreed.", [4]));

        Assert.Equal([502L], Assert.Single(result.Sentences).Citations);
        Assert.Equal(1, result.Dropped);
        Assert.Contains(result.Notes, n => n.Contains("[9]"));
    }

    [Fact]
    public void Check_CutsLinksThatAreNotTheArticlesOwnAndKeepsTheirs()
    {
        var result = Check(new DraftSentence("Meta will appeal (https://b.example/appeal), see https://other.example/x.", [2]));

        var text = Assert.Single(result.Sentences).Text;
        Assert.Contains("https://b.example/appeal", text);
        Assert.DoesNotContain("other.example", text);
    }

    [Theory]
    [InlineData("The Commission fined Meta €2.1 billion.")]
    [InlineData("The fine is 40% of turnover.")]
    [InlineData("Meta was fined in 2021.")]
    public void Check_DropsASentenceWithANumberTheCitedArticlesDoNotContain(string sentence)
    {
        var result = Check(new DraftSentence(sentence, [1]));

        Assert.Empty(result.Sentences);
        Assert.Equal(1, result.Dropped);
    }

    [Fact]
    public void Check_AcceptsANumberWrittenWithOtherSeparators()
    {
        var sources = new List<CitedSource> { new(1, 7, "t", "The fund holds 1,200,000 dollars.", null) };

        var result = CitationChecker.Check(new DraftSummary("h", [new DraftSentence("The fund holds 1200000 dollars.", [1])]), sources);

        Assert.Single(result.Sentences);
    }

    [Fact]
    public void Check_OnlyLooksForANumberInTheArticlesTheSentenceCites()
    {
        var result = Check(new DraftSentence("Meta said the €1.2 billion fine was unjustified.", [2]));

        Assert.Empty(result.Sentences);
    }

    [Fact]
    public void Check_MarksASentenceNamingSomeoneTheCitedArticlesDoNot()
    {
        var result = Check(new DraftSentence("Meta said Mark Zuckerberg would appeal the decision.", [2]));

        Assert.Single(result.Sentences);
        Assert.Equal([0], result.MarkedSentences);
        Assert.Equal(1, result.Marked);
        Assert.Contains(result.Notes, n => n.Contains("Mark Zuckerberg"));
    }

    [Fact]
    public void Check_RemovesCitationMarkersFromTheText()
    {
        var result = Check(new DraftSentence("Meta said it would appeal the decision [2].", [2]));

        Assert.Equal("Meta said it would appeal the decision.", result.Sentences.Single().Text);
    }

    [Fact]
    public void Check_ReplacesAHeadlineWithAForeignLinkByTheFirstTitle()
    {
        var result = CitationChecker.Check(new DraftSummary("Read http://evil.example", [new DraftSentence("Meta said it would appeal.", [2])]), Sources);

        Assert.Equal("EU fines Meta", result.Headline);
    }
}
