using NewsBrief.Core.Query;

namespace NewsBrief.Tests.Core.Query;

public class QueryExplanationTests
{
    [Fact]
    public void Explain_Match_SaysWhereEachTermWasFoundAndThatTheExclusionWasAbsent()
    {
        var explanation = TopicQuery.Parse("tiktok ban -rumour").Explain(new QueryDocument("TikTok news", "A ban looms", "bbc"));

        Assert.True(explanation.IsMatch);
        Assert.Equal([new TermEvidence("tiktok", "title"), new TermEvidence("ban", "body")], explanation.Terms);
        Assert.Equal("matched: tiktok (title), ban (body); NOT clause \"-rumour\": absent", explanation.ToString());
    }

    [Fact]
    public void Explain_MissingTerm_IsListedAsMissing()
    {
        var explanation = TopicQuery.Parse("tiktok ban").Explain(new QueryDocument("TikTok grows", "", "bbc"));

        Assert.False(explanation.IsMatch);
        Assert.Equal("not matched: found tiktok (title); missing: ban", explanation.ToString());
    }

    [Fact]
    public void Explain_PresentExclusion_SaysWhichExcludedTermWasFoundAndWhere()
    {
        var explanation = TopicQuery.Parse("tiktok NOT (rumour OR hoax)").Explain(new QueryDocument("TikTok", "a hoax", "bbc"));

        Assert.False(explanation.IsMatch);
        var exclusion = Assert.Single(explanation.Exclusions);
        Assert.Equal("NOT (rumour OR hoax)", exclusion.Clause);
        Assert.True(exclusion.Present);
        Assert.Equal("not matched: found tiktok (title); NOT clause \"NOT (rumour OR hoax)\": present (hoax in body)", explanation.ToString());
    }

    [Fact]
    public void Explain_OrQuery_ShowsTheBranchesThatWereNotFound()
    {
        var explanation = TopicQuery.Parse("title:tiktok OR source:reuters OR prohibit*").Explain(new QueryDocument("Prohibition", "", "bbc"));

        Assert.True(explanation.IsMatch);
        Assert.Equal("matched: prohibit* (title); missing: title:tiktok, source:reuters", explanation.ToString());
    }

    [Fact]
    public void Explain_NothingFound_SaysSo() =>
        Assert.Equal("not matched: found nothing; missing: \"white house\"",
            TopicQuery.Parse("\"White House\"").Explain(new QueryDocument("House", "white", "x")).ToString());
}
