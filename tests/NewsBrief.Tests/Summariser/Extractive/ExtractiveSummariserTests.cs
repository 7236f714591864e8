using NewsBrief.Summariser.Extractive;

namespace NewsBrief.Tests.Summariser.Extractive;

public sealed class ExtractiveSummariserTests
{
    private const string Reuters =
        "The European Union fined the search company 2.4 billion euros for abusing its dominance in shopping search. "
        + "Share this article on social media. "
        + "Regulators said the company had promoted its own shopping service above those of rivals for years. "
        + "The company said it would consider an appeal against the decision of the regulators. "
        + "The weather in Brussels was mild on Tuesday afternoon, with light winds from the west.";

    private const string Guardian =
        "Image copyright Getty Images. "
        + "European regulators fined the search company 2.4 billion euros for abusing its dominance in shopping search. "
        + "Rivals welcomed the fine and said the shopping search market had been unfair for a decade. "
        + "Read more about this story here.";

    private static readonly SummaryDocument[] Story =
    [
        new(11, "EU fines search company 2.4bn euros over shopping search", Reuters),
        new(12, "Record EU fine for search company", Guardian),
    ];

    private readonly ExtractiveSummariser _engine = new();

    [Fact]
    public void Summarise_ReturnsSentencesInDocumentThenSentenceOrder()
    {
        var picked = _engine.Summarise(Story, 3);
        Assert.Equal(3, picked.Count);
        Assert.Equal(picked.OrderBy(p => p.DocumentIndex).ThenBy(p => p.SentenceIndex), picked);
    }

    [Fact]
    public void Summarise_CarriesIndicesThatPointBackToTheSplitSentences()
    {
        foreach (var p in _engine.Summarise(Story, 4))
            Assert.Equal(SentenceSplitter.Split(Story[p.DocumentIndex].Text)[p.SentenceIndex], p.Text);
    }

    [Fact]
    public void Summarise_NeverPicksBoilerplate()
    {
        var texts = _engine.Summarise(Story, 10).Select(p => p.Text).ToList();
        Assert.DoesNotContain(texts, t => t.StartsWith("Share this", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.StartsWith("Image copyright", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.StartsWith("Read more", StringComparison.Ordinal));
    }

    [Fact]
    public void Summarise_TellsAFactReportedByTwoOutletsOnlyOnce()
    {
        var texts = _engine.Summarise(Story, 10).Select(p => p.Text).ToList();
        Assert.Single(texts, t => t.Contains("2.4 billion euros", StringComparison.Ordinal));
    }

    [Fact]
    public void Summarise_PrefersTheLeadAndTheTitleOverAsides()
    {
        var picked = _engine.Summarise([Story[0]], 1);
        Assert.Equal(0, Assert.Single(picked).SentenceIndex);
    }

    [Fact]
    public void Summarise_IsDeterministic() =>
        Assert.Equal(_engine.Summarise(Story, 3), new ExtractiveSummariser().Summarise(Story, 3));

    [Fact]
    public void Summarise_WhenAskedForZeroOrGivenNoText_ReturnsNothing()
    {
        Assert.Empty(_engine.Summarise(Story, 0));
        Assert.Empty(_engine.Summarise([new SummaryDocument(1, "", "")], 3));
        Assert.Empty(_engine.Summarise([], 3));
    }

    [Fact]
    public void Summarise_WhenMaxSentencesIsNegative_ThrowsNamingIt() =>
        Assert.Equal("maxSentences", Assert.Throws<ArgumentOutOfRangeException>(() => _engine.Summarise(Story, -1)).ParamName);

    [Fact]
    public void SummariseRatio_PicksThatShareOfAllSentences()
    {
        var total = Story.Sum(d => SentenceSplitter.Split(d.Text).Count); // 9 sentences
        Assert.Equal(ExtractiveSummariser.SentenceCount(total, 0.4), _engine.SummariseRatio(Story, 0.4).Count);
        Assert.Equal(4, ExtractiveSummariser.SentenceCount(9, 0.4));
        Assert.Equal(1, ExtractiveSummariser.SentenceCount(2, 0.1));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.5)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void SummariseRatio_WhenRatioIsOutsideZeroToOne_ThrowsNamingIt(double ratio) =>
        Assert.Equal("ratio", Assert.Throws<ArgumentOutOfRangeException>(() => _engine.SummariseRatio(Story, ratio)).ParamName);
}
