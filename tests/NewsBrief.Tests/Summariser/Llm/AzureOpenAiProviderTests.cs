using NewsBrief.Summariser.Llm;

namespace NewsBrief.Tests.Summariser.Llm;

/// <summary>azure-openai goes through the OpenAI connector in Azure's deployment form.</summary>
public sealed class AzureOpenAiProviderTests : IAsyncLifetime
{
    private readonly FakeOpenAiServer _server = new("openai/deployments/brief-gpt4o/chat/completions");

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Summarise_ForAzure_PostsToTheDeploymentWithApiVersionApiKeyAndJsonSchema()
    {
        _server.Enqueue(FakeReply.Answer(StoryFixtures.GoodAnswer));
        var options = new SummariserOptions
        {
            Provider = "azure-openai", Endpoint = _server.BaseEndpoint + "/", Model = "brief-gpt4o", ApiKey = "azure-secret",
            MaxRetries = 0,
        };
        var summariser = new LlmStorySummariser(SummariserKernelFactory.Create(options), options, StoryFixtures.Fallback());

        var summary = await summariser.SummariseAsync(StoryFixtures.TikTokStory(), CancellationToken.None);

        Assert.False(summary.FellBack, summary.FallbackReason);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("/openai/deployments/brief-gpt4o/chat/completions?api-version=2024-10-21", request.PathAndQuery);
        Assert.Equal("azure-secret", request.Headers["api-key"]);
        Assert.False(request.Headers.ContainsKey("Authorization"));
        var body = Assert.Single(_server.Bodies);
        Assert.Equal("json_schema", (string)body["response_format"]!["type"]!);
        Assert.False(body.ContainsKey("max_tokens"));
    }

    [Fact]
    public async Task Summarise_ForOpenAi_SendsTheKeyAsBearerAndAsksForJsonSchema()
    {
        await using var server = new FakeOpenAiServer();
        server.Enqueue(FakeReply.Answer(StoryFixtures.GoodAnswer));
        var options = new SummariserOptions { Provider = "openai", Endpoint = server.V1Endpoint, Model = "gpt-4o-mini", ApiKey = "sk-test" };
        var summariser = new LlmStorySummariser(SummariserKernelFactory.Create(options), options, StoryFixtures.Fallback());

        await summariser.SummariseAsync(StoryFixtures.TikTokStory(), CancellationToken.None);

        Assert.Equal("Bearer sk-test", Assert.Single(server.Requests).Headers["Authorization"]);
        var format = Assert.Single(server.Bodies)["response_format"]!;
        Assert.Equal("json_schema", (string)format["type"]!);
        Assert.NotNull(format["json_schema"]!["schema"]!["properties"]!["sentences"]);
    }
}
