using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using NewsBrief.Core.Domain;
using NewsBrief.Summariser.Briefing;
using NewsBrief.Summariser.Budget;
using NewsBrief.Summariser.Llm;

namespace NewsBrief.Tests.Summariser.Llm;

/// <summary>The LLM path end to end: the real SK OpenAI connector against a fake server on 127.0.0.1.</summary>
public sealed class LlmStorySummariserTests : IAsyncLifetime
{
    private readonly FakeOpenAiServer _server = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _server.DisposeAsync();

    private LlmStorySummariser Summariser(SummariserOptions? options = null, ISummaryCache? cache = null, BriefTokenBudget? budget = null)
    {
        options ??= StoryFixtures.CompatibleOptions(_server.V1Endpoint);
        return new LlmStorySummariser(SummariserKernelFactory.Create(options), options, StoryFixtures.Fallback(), cache, budget);
    }

    [Fact]
    public async Task Summarise_WhenModelAnswersWell_ReturnsCitedSentencesWithArticleIdsAndUsage()
    {
        _server.Enqueue(FakeReply.Answer(StoryFixtures.GoodAnswer, promptTokens: 321, completionTokens: 54));

        var summary = await Summariser().SummariseAsync(StoryFixtures.TikTokStory(), CancellationToken.None);

        Assert.False(summary.FellBack, summary.FallbackReason);
        Assert.Equal("Montana bans TikTok and is sued", summary.Headline);
        Assert.Equal("llama3.1", summary.Engine);
        Assert.Equal([[101L], [102L]], summary.Sentences.Select(s => s.Citations.ToArray()));
        Assert.Equal((321, 54), (summary.InputTokens, summary.OutputTokens));
        Assert.Equal((2, 0, 0), (summary.Checked, summary.Dropped, summary.Marked));
        Assert.Single(_server.Bodies);
        Assert.EndsWith("/v1/chat/completions", _server.Requests.Single().PathAndQuery);
    }

    [Fact]
    public async Task Summarise_WhenAnswerIsNotJson_FallsBackWithAReasonSayingSo()
    {
        _server.Enqueue(FakeReply.Answer("Sure! Montana banned TikTok and TikTok sued."));

        var summary = await Summariser().SummariseAsync(StoryFixtures.TikTokStory(), CancellationToken.None);

        Assert.True(summary.FellBack);
        Assert.Equal("extractive", summary.Engine);
        Assert.Equal(StoryFixtures.FallbackSentences(StoryFixtures.TikTokStory()), summary.Sentences.Select(s => s.Text));
        Assert.All(summary.Sentences, s => Assert.Subset(new HashSet<long> { 101, 102 }, s.Citations.ToHashSet()));
        Assert.Contains("no JSON object", summary.FallbackReason);
        Assert.Equal(120, summary.InputTokens); // the tokens were spent even though the answer was useless
    }

    [Fact]
    public async Task Summarise_WhenAnswerIsFencedWithStringSentences_ParsesItTolerantly()
    {
        _server.Enqueue(FakeReply.Answer("Here you go:\n```json\n{\"headline\":\"Montana bans TikTok\",\"sentences\":[\"Montana became the first US state to ban TikTok [1].\"]}\n```"));

        var summary = await Summariser().SummariseAsync(StoryFixtures.TikTokStory(), CancellationToken.None);

        Assert.False(summary.FellBack, summary.FallbackReason);
        var sentence = Assert.Single(summary.Sentences);
        Assert.Equal("Montana became the first US state to ban TikTok.", sentence.Text);
        Assert.Equal([101L], sentence.Citations);
    }

    [Fact]
    public async Task Summarise_WhenAnswerHasAnInventedLinkAndAnUncitedSentence_RemovesBothAndCountsThem()
    {
        _server.Enqueue(FakeReply.Answer("""
            {"headline":"Montana bans TikTok","sentences":[
              {"text":"Montana banned TikTok, see https://made-up.example/story for details.","citations":[1]},
              {"text":"Experts expect other states to follow.","citations":[]},
              {"text":"TikTok sued, citing the First Amendment https://wire.example/tiktok-sues","citations":[2, 7]}]}
            """));

        var summary = await Summariser().SummariseAsync(StoryFixtures.TikTokStory(), CancellationToken.None);

        Assert.False(summary.FellBack, summary.FallbackReason);
        Assert.Equal(2, summary.Sentences.Count);
        Assert.DoesNotContain(summary.Sentences, s => s.Text.Contains("made-up.example"));
        Assert.Contains("https://wire.example/tiktok-sues", summary.Sentences[1].Text); // the article's own link stays
        Assert.Equal([102L], summary.Sentences[1].Citations); // [7] was never given
        Assert.Equal((3, 1), (summary.Checked, summary.Dropped));
        Assert.Contains(summary.CheckNotes, n => n.Contains("cites no article"));
    }

    [Fact]
    public async Task Summarise_WhenRateLimitedOnceThenAnswered_RetriesAndSucceeds()
    {
        _server.Enqueue(FakeReply.Error(429, retryAfter: "0"), FakeReply.Answer(StoryFixtures.GoodAnswer));

        var summary = await Summariser().SummariseAsync(StoryFixtures.TikTokStory(), CancellationToken.None);

        Assert.False(summary.FellBack, summary.FallbackReason);
        Assert.Equal(2, _server.Bodies.Count);
    }

    [Fact]
    public async Task Summarise_WhenRateLimitedEveryTime_FallsBackAfterMaxRetriesSayingSo()
    {
        _server.Enqueue(FakeReply.Error(429, retryAfter: "0"));

        var summary = await Summariser().SummariseAsync(StoryFixtures.TikTokStory(), CancellationToken.None);

        Assert.True(summary.FellBack);
        Assert.Equal("429 rate limited 3 times", summary.FallbackReason);
        Assert.Equal(3, _server.Bodies.Count);
    }

    [Fact]
    public async Task Summarise_WhenServerFailsWith503Twice_RetriesAndSucceedsOnTheThirdAttempt()
    {
        _server.Enqueue(FakeReply.Error(503), FakeReply.Error(503), FakeReply.Answer(StoryFixtures.GoodAnswer));

        var summary = await Summariser().SummariseAsync(StoryFixtures.TikTokStory(), CancellationToken.None);

        Assert.False(summary.FellBack, summary.FallbackReason);
        Assert.Equal(3, _server.Bodies.Count);
    }

    [Fact]
    public async Task Summarise_WhenRetryAfterIsSet_WaitsThatLongOnTheInjectedClock()
    {
        _server.Enqueue(FakeReply.Error(429, retryAfter: "30"), FakeReply.Answer(StoryFixtures.GoodAnswer));
        var time = new TimerSignallingTimeProvider();
        var options = StoryFixtures.CompatibleOptions(_server.V1Endpoint);
        var summariser = new LlmStorySummariser(SummariserKernelFactory.Create(options), options, StoryFixtures.Fallback(), time: time);

        var task = summariser.SummariseAsync(StoryFixtures.TikTokStory(), CancellationToken.None);
        var due = await time.TimerCreated;
        time.Advance(TimeSpan.FromSeconds(29));
        var earlyRequests = _server.Bodies.Count;
        time.Advance(TimeSpan.FromSeconds(1));
        var summary = await task;

        Assert.Equal(TimeSpan.FromSeconds(30), due);
        Assert.Equal(1, earlyRequests);
        Assert.False(summary.FellBack, summary.FallbackReason);
        Assert.Equal(2, _server.Bodies.Count);
    }

    [Fact]
    public async Task Summarise_WhenModelIsSlowerThanTheTimeout_FallsBackSayingItTimedOut()
    {
        _server.Enqueue(FakeReply.Hanging());
        var options = StoryFixtures.CompatibleOptions(_server.V1Endpoint) with { Timeout = TimeSpan.FromMilliseconds(300), MaxRetries = 0 };

        var summary = await Summariser(options).SummariseAsync(StoryFixtures.TikTokStory(), CancellationToken.None);

        Assert.True(summary.FellBack);
        Assert.Equal("model timed out after 300 ms", summary.FallbackReason);
        Assert.Equal("extractive", summary.Engine);
        Assert.Equal(StoryFixtures.FallbackSentences(StoryFixtures.TikTokStory()), summary.Sentences.Select(s => s.Text));
    }

    [Fact]
    public async Task Summarise_WhenEndpointRejectsTheKey_FallsBackAtOnceWithoutRetrying()
    {
        _server.Enqueue(FakeReply.Error(401));

        var summary = await Summariser().SummariseAsync(StoryFixtures.TikTokStory(), CancellationToken.None);

        Assert.True(summary.FellBack);
        Assert.Contains("401", summary.FallbackReason);
        Assert.Single(_server.Bodies);
    }

    [Fact]
    public async Task Summarise_WhenTheReplyIsNotAChatCompletion_FallsBackInsteadOfThrowing()
    {
        _server.Enqueue(new FakeReply(200, "<html>proxy login</html>", new Dictionary<string, string>()));

        var summary = await Summariser().SummariseAsync(StoryFixtures.TikTokStory(), CancellationToken.None);

        Assert.True(summary.FellBack);
        Assert.StartsWith("model call failed:", summary.FallbackReason);
        Assert.Single(_server.Bodies);
    }

    [Fact]
    public async Task Summarise_WhenTheCallerCancels_ThrowsInsteadOfFallingBack()
    {
        _server.Enqueue(FakeReply.Hanging());
        using var cts = new CancellationTokenSource();
        var task = Summariser().SummariseAsync(StoryFixtures.TikTokStory(), cts.Token);
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
    }

    [Theory]
    [InlineData("eos")]
    [InlineData("")]
    [InlineData(null)]
    public async Task Summarise_WhenFinishReasonIsNonStandard_NormalisesItAndUsesTheAnswer(string? finishReason)
    {
        _server.Enqueue(FakeReply.Answer(StoryFixtures.GoodAnswer, finishReason));

        var summary = await Summariser().SummariseAsync(StoryFixtures.TikTokStory(), CancellationToken.None);

        Assert.False(summary.FellBack, summary.FallbackReason);
        Assert.Equal(2, summary.Sentences.Count);
    }

    [Fact]
    public async Task Summarise_ForOpenAiCompatible_SendsTopLevelMaxTokensAndNoResponseFormat()
    {
        _server.Enqueue(FakeReply.Answer(StoryFixtures.GoodAnswer));
        var options = StoryFixtures.CompatibleOptions(_server.V1Endpoint) with { MaxOutputTokens = 333 };

        await Summariser(options).SummariseAsync(StoryFixtures.TikTokStory(), CancellationToken.None);

        var body = Assert.Single(_server.Bodies);
        Assert.Equal(333, (int)body["max_tokens"]!);
        Assert.Equal("llama3.1", (string)body["model"]!);
        Assert.False(body.ContainsKey("response_format"));
    }

    [Fact]
    public async Task Summarise_WhenTheSameStoryComesAgain_AnswersFromTheCacheWithoutARequest()
    {
        _server.Enqueue(FakeReply.Answer(StoryFixtures.GoodAnswer));
        var cache = new InMemorySummaryCache();
        var summariser = Summariser(cache: cache);

        var first = await summariser.SummariseAsync(StoryFixtures.TikTokStory(), CancellationToken.None);
        var second = await summariser.SummariseAsync(StoryFixtures.TikTokStory(), CancellationToken.None);

        Assert.Single(_server.Bodies);
        Assert.Equal(first.Sentences.Select(s => s.Text), second.Sentences.Select(s => s.Text));
        Assert.Equal((0, 0), (second.InputTokens, second.OutputTokens));
    }

    [Fact]
    public async Task Summarise_WhenAStoryHasAlmostNoText_NeverCallsTheModel()
    {
        var story = Story.Of(new Article { Id = 1, SourceId = "s", Url = "https://s.example/1", CanonicalUrl = "https://s.example/1", Title = "Short", Text = "Only a few words here." });

        var summary = await Summariser().SummariseAsync(story, CancellationToken.None);

        Assert.Empty(_server.Bodies);
        Assert.False(summary.FellBack);
        Assert.Equal("extractive", summary.Engine);
        Assert.Equal(StoryFixtures.FallbackSentences(story), summary.Sentences.Select(s => s.Text));
        Assert.NotEmpty(summary.Sentences); // the real fallback always says something it can cite
    }

    [Fact]
    public async Task Summarise_WhenTheBriefBudgetIsSpent_FallsBackWithoutARequest()
    {
        var budget = new BriefTokenBudget(1000);
        budget.Spend(900);

        var summary = await Summariser(budget: budget).SummariseAsync(StoryFixtures.TikTokStory(), CancellationToken.None);

        Assert.Empty(_server.Bodies);
        Assert.True(summary.FellBack);
        Assert.Contains("brief token budget", summary.FallbackReason);
    }

    [Fact]
    public async Task Summarise_SpendsTheReportedUsageFromTheBriefBudget()
    {
        _server.Enqueue(FakeReply.Answer(StoryFixtures.GoodAnswer, promptTokens: 500, completionTokens: 60));
        var budget = new BriefTokenBudget(100_000);

        await Summariser(budget: budget).SummariseAsync(StoryFixtures.TikTokStory(), CancellationToken.None);

        Assert.Equal(560, budget.Spent);
    }

    internal static IEnumerable<JsonObject> Messages(JsonObject body) => body["messages"]!.AsArray().Select(m => m!.AsObject());
}
