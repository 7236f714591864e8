using NewsBrief.Core.Query;

namespace NewsBrief.Tests.Core.Query;

public class SubscriptionIndexTests
{
    private static QueryDocument Doc(string title, string body = "") => new(title, body, "bbc-news", "BBC News");

    /// <summary>An index with more distinct queries than a short article has words, so it looks up candidates instead of evaluating all.</summary>
    private static SubscriptionIndex IndexWithFillers()
    {
        var index = new SubscriptionIndex();
        for (var i = 0; i < 100; i++) index.Add(1000 + i, TopicQuery.Parse($"filler{i}"));
        return index;
    }

    [Fact]
    public void Match_ReturnsTheIdsOfMatchingQueriesInOrder()
    {
        var index = IndexWithFillers();
        index.Add(3, TopicQuery.Parse("tiktok ban"));
        index.Add(1, TopicQuery.Parse("instagram OR tiktok"));
        index.Add(2, TopicQuery.Parse("tiktok -ban"));
        index.Add(4, TopicQuery.Parse("prohib*"));

        Assert.Equal([1, 3], index.Match(Doc("TikTok ban")));
        Assert.Equal([1, 2], index.Match(Doc("TikTok grows")));
        Assert.Equal([4], index.Match(Doc("Prohibition")));
        Assert.Empty(index.Match(Doc("Nothing here")));
    }

    [Fact]
    public void Remove_StopsAQueryMatching_AndAddWithTheSameIdReplacesIt()
    {
        var index = IndexWithFillers();
        index.Add(1, TopicQuery.Parse("tiktok"));
        index.Add(2, TopicQuery.Parse("tiktok"));

        Assert.True(index.Remove(1));
        Assert.False(index.Remove(1));
        Assert.Equal([2], index.Match(Doc("TikTok")));

        index.Add(2, TopicQuery.Parse("instagram"));
        Assert.Empty(index.Match(Doc("TikTok")));
        Assert.Equal([2], index.Match(Doc("Instagram")));
        Assert.Equal(101, index.Count);
    }

    [Fact]
    public void Match_FindsQueriesWithoutAnAnchorWord()
    {
        var index = IndexWithFillers();
        index.Add(1, TopicQuery.Parse("NOT NOT tiktok"));
        index.Add(2, TopicQuery.Parse("source:bbc"));
        index.Add(3, TopicQuery.Parse("ab*"));

        Assert.Equal([1, 2, 3], index.Match(Doc("TikTok", "abc")));
    }

    [Fact]
    public void Match_SameQueryWrittenDifferently_MatchesEverySubscriberAndSurvivesOneRemoval()
    {
        var index = IndexWithFillers();
        index.Add(1, TopicQuery.Parse("TikTok  AND ban"));
        index.Add(2, TopicQuery.Parse("tiktok ban"));
        index.Add(3, TopicQuery.Parse("tiktok"));

        Assert.Equal([1, 2, 3], index.Match(Doc("TikTok ban")));
        index.Remove(1);
        Assert.Equal([2, 3], index.Match(Doc("TikTok ban")));
        index.Remove(2);
        Assert.Equal([3], index.Match(Doc("TikTok ban")));
    }

    [Fact]
    public void Match_SmallIndex_GivesTheSameAnswerAsALargeOne()
    {
        var small = new SubscriptionIndex();
        var large = IndexWithFillers();
        foreach (var (id, text) in new[] { (1L, "tiktok ban"), (2L, "prohib*"), (3L, "source:bbc -ban") })
        {
            small.Add(id, TopicQuery.Parse(text));
            large.Add(id, TopicQuery.Parse(text));
        }
        foreach (var doc in new[] { Doc("TikTok ban"), Doc("Prohibition"), Doc("TikTok") })
            Assert.Equal(large.Match(doc), small.Match(doc));
        Assert.Equal([3], small.Match(Doc("TikTok")));
    }

    [Fact]
    public void Match_OnRandomQueriesAndDocuments_EqualsEvaluatingEveryQuery()
    {
        var writer = new RandomQueryWriter(seed: 7);
        var queries = Enumerable.Range(0, 2000).Select(_ => writer.NextQuery()).ToList();
        var docs = Enumerable.Range(0, 200).Select(_ => writer.NextDocument()).ToList();
        var index = new SubscriptionIndex();
        for (var id = 0; id < queries.Count; id++) index.Add(id, queries[id]);

        var totalMatches = 0;
        foreach (var doc in docs)
        {
            var terms = DocumentTerms.From(doc);
            var expected = Enumerable.Range(0, queries.Count).Where(id => queries[id].Matches(terms)).Select(id => (long)id).ToList();
            Assert.Equal(expected, index.Match(doc));
            totalMatches += expected.Count;
        }
        // The comparison means something only if the random queries match often but not always.
        Assert.InRange(totalMatches, docs.Count * 20, docs.Count * 1800);
    }
}
