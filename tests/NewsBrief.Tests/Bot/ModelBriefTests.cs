using System.Text.Json;
using NewsBrief.Tests.Summariser.Llm;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Bot;

/// <summary>A brief written by a model (a fake OpenAI-compatible server on 127.0.0.1), as a user runs it.</summary>
public sealed class ModelBriefTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private readonly LocalHttpServer _feeds = new();
    private readonly FakeOpenAiServer _model = new();
    private TestConfigFolder _config = null!;

    public Task InitializeAsync()
    {
        var now = DateTimeOffset.UtcNow;
        _feeds.MapContent("/feed.xml", new RssBuilder()
            .Item("Ministers meet in Geneva for trade talks", "https://news.example/geneva",
                "The foreign ministers of both countries met in Geneva on Tuesday to discuss the long trade dispute, and agreed to hold a second round of talks in the spring.", now.AddHours(-1))
            .Item("Vote on the TikTok ban delayed again", "https://news.example/tiktok",
                "Lawmakers delayed the vote on the proposed TikTok ban for a second time on Wednesday, saying the bill needed more work on how the app could be sold.", now.AddHours(-2))
            .Build());
        _config = new TestConfigFolder(Path.Combine(_dir.Path, "config")).WriteTopics()
            .WriteSources(("news", _feeds.Url("/feed.xml")))
            .WriteSettings($$"""
                { "Fetch": { "Timeout": "00:00:30", "FetchArticlePages": false },
                  "Summariser": { "Provider": "openai-compatible", "Endpoint": "{{_model.V1Endpoint}}", "Model": "test-model",
                                  "MaxRetries": 0, "Timeout": "00:00:30", "PromptPricePerMillion": 1.0, "CompletionPricePerMillion": 2.0 } }
                """);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Brief_WhenTheModelAnswersTenMegabytes_FallsBackNamingTheSizeAndStaysSmall()
    {
        var huge = "{\"headline\":\"x\",\"sentences\":[" + string.Join(",", Enumerable.Repeat("{\"text\":\"The ministers agreed to talk again.\",\"citations\":[1]}", 10 * 1024 * 1024 / 60)) + "]}";
        _model.Enqueue(FakeReply.Answer(huge), FakeReply.Answer(huge));

        var result = await CliRun.InProcessAsync("brief", "--format", "json", "--config", _config.Path, "--data", Path.Combine(_dir.Path, "data"));

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.True(result.Out.Length < 20_000, $"the brief is {result.Out.Length:N0} characters");
        var engine = JsonDocument.Parse(result.Out).RootElement.GetProperty("engine");
        var fallbacks = engine.GetProperty("fallbacks").EnumerateArray().Select(f => f.GetProperty("reason").GetString()).ToList();
        Assert.Equal(2, fallbacks.Count);
        Assert.All(fallbacks, r => Assert.Contains("too large", r));
        Assert.All(fallbacks, r => Assert.Contains("Summariser:MaxOutputTokens", r));
    }

    [Fact]
    public async Task Brief_WhenEveryModelSentenceIsDropped_ReportsTheSameCountsInTheEngineAsInTheFallbackReasons()
    {
        var uncited = """{"headline":"Invented","sentences":[{"text":"An invented claim.","citations":[9]},{"text":"Another invented claim.","citations":[8]}]}""";
        _model.Enqueue(FakeReply.Answer(uncited), FakeReply.Answer(uncited));

        var result = await CliRun.InProcessAsync("brief", "--format", "json", "--config", _config.Path, "--data", Path.Combine(_dir.Path, "data"));

        Assert.True(result.ExitCode == 0, result.Error);
        var engine = JsonDocument.Parse(result.Out).RootElement.GetProperty("engine");
        var reasons = engine.GetProperty("fallbacks").EnumerateArray().Select(f => f.GetProperty("reason").GetString()!).ToList();
        Assert.Equal(2, reasons.Count);
        Assert.All(reasons, r => Assert.Contains("(2 of 2 dropped)", r));
        Assert.Equal((4, 4), (engine.GetProperty("checked").GetInt32(), engine.GetProperty("dropped").GetInt32()));
    }

    [Fact]
    public async Task Brief_WithAModel_CitesItsArticles_AndAStoryTheModelFailsFallsBackAndIsNamed()
    {
        _model.Enqueue(
            FakeReply.Answer("""{"headline":"Talks and a delayed vote","sentences":[{"text":"The ministers agreed to talk again.","citations":[1]},{"text":"See http://evil.example for more.","citations":[1]},{"text":"An invented claim.","citations":[9]}]}"""),
            FakeReply.Error(500));

        var result = await CliRun.InProcessAsync("brief", "--format", "json", "--config", _config.Path, "--data", Path.Combine(_dir.Path, "data"));

        Assert.True(result.ExitCode == 0, result.Error);
        var root = JsonDocument.Parse(result.Out).RootElement;
        var stories = root.GetProperty("stories").EnumerateArray().ToList();
        Assert.Equal(2, stories.Count);
        foreach (var story in stories)
        {
            var ids = story.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("id").GetInt64()).ToHashSet();
            Assert.All(story.GetProperty("sentences").EnumerateArray().SelectMany(s => s.GetProperty("citations").EnumerateArray()), c => Assert.Contains(c.GetInt64(), ids));
        }
        Assert.DoesNotContain("evil.example", result.Out);
        Assert.Contains(stories, s => s.GetProperty("sentences").EnumerateArray().Any(x => x.GetProperty("text").GetString() == "The ministers agreed to talk again."));
        var engine = root.GetProperty("engine");
        Assert.Equal("test-model", engine.GetProperty("model").GetString());
        Assert.Equal((120, 40), (engine.GetProperty("inputTokens").GetInt32(), engine.GetProperty("outputTokens").GetInt32()));
        Assert.Equal(0.0002m, engine.GetProperty("cost").GetDecimal());
        Assert.Equal(1, engine.GetProperty("dropped").GetInt32());
        var fallback = Assert.Single(engine.GetProperty("fallbacks").EnumerateArray());
        Assert.Contains("500", fallback.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Summariser_BadProvider_ExitsTwoNamingTheKey()
    {
        _config.WriteSettings("""{ "Summariser": { "Provider": "gpt" } }""");

        var result = await CliRun.InProcessAsync("brief", "--no-poll", "--config", _config.Path, "--data", Path.Combine(_dir.Path, "data"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("appsettings.json: Summariser:Provider: 'gpt' is not known", result.Error);
    }

    public async Task DisposeAsync()
    {
        await _model.DisposeAsync();
        await _feeds.DisposeAsync();
        _dir.Dispose();
    }
}
