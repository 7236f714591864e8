using Microsoft.Data.Sqlite;
using NewsBrief.Core.Domain;
using NewsBrief.Core.Storage;
using NewsBrief.Summariser.Briefing;
using NewsBrief.Summariser.Llm;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Summariser.Llm;

public sealed class StoredSummaryCacheTests
{
    private static StorySummary Summary => new()
    {
        Headline = "Montana bans TikTok",
        Sentences = [new BriefSentence("Montana banned TikTok.", [101L])],
        Engine = "llama3.1", InputTokens = 300, OutputTokens = 40, Checked = 2, Dropped = 1, MarkedSentences = [0], Marked = 1,
    };

    [Fact]
    public async Task Get_AfterSetInAnotherInstance_ReturnsTheSameSummaryFromTheFile()
    {
        using var dir = new TempDirectory();
        await new StoredSummaryCache(new SummaryCacheStore(NewsBriefDatabase.Open(dir.Path))).SetAsync("k1", Summary, CancellationToken.None);
        SqliteConnection.ClearAllPools();

        var cache = new StoredSummaryCache(new SummaryCacheStore(NewsBriefDatabase.Open(dir.Path)));
        var read = await cache.GetAsync("k1", CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal(Summary.Headline, read.Headline);
        Assert.Equal([101L], read.Sentences.Single().Citations);
        Assert.Equal((300, 40, 1, 1), (read.InputTokens, read.OutputTokens, read.Dropped, read.Marked));
        Assert.Null(await cache.GetAsync("other", CancellationToken.None));
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Summarise_WithSqliteCache_SecondRunMakesNoRequest()
    {
        using var dir = new TempDirectory();
        await using var server = new FakeOpenAiServer();
        server.Enqueue(FakeReply.Answer(StoryFixtures.GoodAnswer));
        var options = StoryFixtures.CompatibleOptions(server.V1Endpoint);
        var cache = new StoredSummaryCache(new SummaryCacheStore(NewsBriefDatabase.Open(dir.Path)));
        LlmStorySummariser Create() => new(SummariserKernelFactory.Create(options), options, StoryFixtures.Fallback(), cache);

        await Create().SummariseAsync(StoryFixtures.TikTokStory(), CancellationToken.None);
        var again = await Create().SummariseAsync(StoryFixtures.TikTokStory(), CancellationToken.None);
        var changed = await Create().SummariseAsync(StoryFixtures.TikTokStory("TikTok filed a lawsuit against the ban, its lawyers said on Tuesday in a statement to reporters in Helena."), CancellationToken.None);

        Assert.Equal(2, server.Bodies.Count); // the changed story is a miss, the repeat is not
        Assert.Equal((0, 0), (again.InputTokens, again.OutputTokens));
        Assert.Equal(2, again.Sentences.Count);
        Assert.NotNull(changed);
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public void Key_DiffersByModelAndPromptVersionAndText()
    {
        var story = StoryFixtures.TikTokStory();
        var key = SummaryCacheKey.For(story, "v1", "m");

        Assert.Equal(key, SummaryCacheKey.For(StoryFixtures.TikTokStory(), "v1", "m"));
        Assert.NotEqual(key, SummaryCacheKey.For(story, "v2", "m"));
        Assert.NotEqual(key, SummaryCacheKey.For(story, "v1", "other"));
        Assert.NotEqual(key, SummaryCacheKey.For(StoryFixtures.TikTokStory("Different text."), "v1", "m"));
    }
}
