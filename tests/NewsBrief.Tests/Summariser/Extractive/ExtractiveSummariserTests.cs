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

    // Three outlets on one event: the wire copy most like the others, and two with facts of their own.
    private static readonly SummaryDocument[] Ban =
    [
        new(21, "TikTok banned from UK government phones",
            "Ministers will stop using TikTok on their work phones, the government said on Thursday. "
            + "Security officials had warned that data on government devices could be reached by Beijing. "
            + "Officials said the ban covers phones issued to ministers and civil servants, not personal devices."),
        new(22, "UK bans TikTok on government devices",
            "The UK government has banned TikTok on government phones with immediate effect. "
            + "The security minister told MPs the ban was a precaution after a review of the app by cyber experts. "
            + "The ban covers phones issued to ministers and civil servants, but not their personal devices. "
            + "The US, Canada and the European Commission have already taken the same step."),
        new(23, "TikTok says UK ban is based on misconceptions",
            "TikTok said it was disappointed by the decision to ban the app from government phones. "
            + "The company said the ban was based on fundamental misconceptions driven by wider geopolitics. "
            + "It has offered to store the data of UK users on servers in Europe."),
    ];

    private static bool NearDuplicates(string a, string b)
    {
        static HashSet<string> Words(string s) => s.ToLowerInvariant().Split([' ', ',', '.'], StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        var (x, y) = (Words(a), Words(b));
        return x.Intersect(y).Count() >= 0.6 * Math.Min(x.Count, y.Count);
    }

    [Fact]
    public void Summarise_OneArticle_ReturnsSentencesInSentenceOrder()
    {
        var picked = _engine.Summarise([Ban[1]], 3);
        Assert.Equal(3, picked.Count);
        Assert.Equal(picked.OrderBy(p => p.SentenceIndex), picked);
        Assert.All(picked, p => Assert.Empty(p.AlsoIn));
    }

    [Fact]
    public void Summarise_SeveralArticles_OpensWithTheLeadOfTheMostCentralArticle_ThenGroupsByArticle()
    {
        var picked = _engine.Summarise(Ban, 5);

        Assert.Equal((1, 0), (picked[0].DocumentIndex, picked[0].SentenceIndex)); // the wire copy shares most with both others
        var order = picked.Select(p => p.DocumentIndex).Distinct().ToList();
        Assert.Equal(picked.OrderBy(p => order.IndexOf(p.DocumentIndex)).ThenBy(p => p.SentenceIndex), picked);
    }

    [Fact]
    public void Summarise_StoryOfThreeOutlets_QuotesAtLeastTwoWithDistinctFacts()
    {
        var picked = _engine.Summarise(Ban, 5);

        Assert.True(picked.Select(p => p.DocumentIndex).Distinct().Count() >= 2, string.Join(" | ", picked.Select(p => $"{p.DocumentIndex}: {p.Text}")));
        for (var i = 0; i < picked.Count; i++)
            for (var j = i + 1; j < picked.Count; j++)
                Assert.False(NearDuplicates(picked[i].Text, picked[j].Text), $"near-duplicates: \"{picked[i].Text}\" and \"{picked[j].Text}\"");
    }

    [Fact]
    public void Summarise_AFactAnotherArticleStatesInANearDuplicateSentence_NamesThatArticleToo()
    {
        var picked = _engine.Summarise(Ban, 5);

        var covers = Assert.Single(picked, p => p.Text.Contains("ministers and civil servants", StringComparison.Ordinal));
        var other = covers.DocumentIndex == 0 ? 1 : 0;
        Assert.Equal([other], covers.AlsoIn);
    }

    [Fact]
    public void Summarise_WithMultiOutletOff_PicksAcrossArticlesInDocumentThenSentenceOrder()
    {
        var picked = new ExtractiveSummariser(new ExtractiveOptions { MultiOutlet = false }).Summarise(Story, 3);
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
