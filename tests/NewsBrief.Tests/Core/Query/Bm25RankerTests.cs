using NewsBrief.Core.Query;

namespace NewsBrief.Tests.Core.Query;

/// <summary>BM25 over the matched documents' split words: titles weigh more, repeats count with saturation, short beats long, rare terms weigh more.</summary>
public class Bm25RankerTests
{
    private static DocumentTerms Doc(string title, string body) => DocumentTerms.From(new QueryDocument(title, body, "s"));

    private static double[] Score(string query, params DocumentTerms[] docs) => Bm25Ranker.Score(TopicQuery.Parse(query), docs);

    [Fact]
    public void ATitleMatch_ScoresAboveABodyMatch_EvenWhenEveryDocumentHoldsTheWord()
    {
        var scores = Score("sanctions", Doc("Parliament debates", "The sanctions bill was debated."), Doc("Sanctions bill passes", "Parliament voted."));

        Assert.True(scores[1] > scores[0], $"{scores[1]} > {scores[0]}");
        Assert.True(scores[0] > 0);
    }

    [Fact]
    public void MoreOccurrences_ScoreHigher_AndTheSameCountInALongerTextScoresLower()
    {
        var filler = string.Join(' ', Enumerable.Repeat("weather", 40));
        var scores = Score("tariffs", Doc("News", "tariffs rise. tariffs fall."), Doc("News", "tariffs rise."), Doc("News", "tariffs rise. " + filler));

        Assert.True(scores[0] > scores[1]);
        Assert.True(scores[1] > scores[2]);
    }

    [Fact]
    public void InAnOrQuery_TheRarerTermWeighsMore()
    {
        var common = Enumerable.Range(0, 8).Select(i => Doc($"Report {i}", "trade talks")).ToArray();
        var scores = Score("trade OR embargo", [.. common, Doc("Report x", "embargo news")]);

        Assert.True(scores[^1] > scores[0]);
    }

    [Fact]
    public void PhrasesPrefixesAndTitleTermsCount_ExclusionsAndSourceTermsDoNot()
    {
        Assert.True(Score("\"online safety\"", Doc("x", "online safety act"))[0] > 0);
        Assert.Equal(0, Score("\"online safety\"", Doc("x", "safety online"))[0]);
        Assert.True(Score("regulat*", Doc("x", "regulators met"))[0] > 0);
        Assert.Equal(0, Score("title:ban", Doc("x", "ban"))[0]);
        var withExclusion = Score("tiktok -appeals", Doc("TikTok ban", "appeals court"), Doc("TikTok ban", "a court"));
        Assert.Equal(withExclusion[0], withExclusion[1]);
        Assert.Equal(0, Score("source:s", Doc("x", "y"))[0]);
    }

    [Fact]
    public void NoDocuments_GiveNoScores() => Assert.Empty(Bm25Ranker.Score(TopicQuery.Parse("x"), []));
}
