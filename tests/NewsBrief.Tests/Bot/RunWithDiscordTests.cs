using NewsBrief.Bot.Cli;
using NewsBrief.Tests.Bot.Discord.Fake;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Bot;

/// <summary><c>newsbrief run</c> with a Discord token: start-up checks and a refused token, against the fake Discord.</summary>
public sealed class RunWithDiscordTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private readonly FakeDiscord _fake = new();
    private TestConfigFolder _config = null!;

    public Task InitializeAsync()
    {
        _config = new TestConfigFolder(Path.Combine(_dir.Path, "config")).WriteTopics().WriteSources(("one", new Uri("http://127.0.0.1:9/feed.xml")));
        return Task.CompletedTask;
    }

    private Task<int> RunAsync(TextWriter error, CancellationToken ct) =>
        CliApp.RunAsync(["run", "--config", _config.Path, "--data", Path.Combine(_dir.Path, "data")], TextWriter.Null, error, TimeProvider.System, ct);

    [Fact]
    public async Task Run_WhenDiscordRefusesTheToken_StopsWithExitOneAndSaysWhy()
    {
        _config.WriteSettings($$"""{ "Fetch": { "FetchArticlePages": false }, "Web": { "Urls": "http://127.0.0.1:0" }, "Discord": { "Token": "{{FakeDiscord.Token}}", "ApiBaseUrl": "{{_fake.ApiBaseUrl}}" } }""");
        _fake.Script(r => r.Is("GET", "/gateway/bot"), new FakeResponse(401, """{"message":"401: Unauthorized","code":0}"""));
        var error = new StringWriter();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var code = await RunAsync(error, timeout.Token);

        Assert.False(timeout.IsCancellationRequested, "the service should stop by itself");
        Assert.Equal(1, code);
        Assert.True(error.ToString().Contains("failed: Discord:"), error.ToString());
        Assert.DoesNotContain(FakeDiscord.Token, error.ToString());
    }

    [Fact]
    public async Task Run_WithABadDiscordSetting_ExitsTwoNamingTheKey()
    {
        _config.WriteSettings($$"""{ "Web": { "Urls": "" }, "Discord": { "Token": "{{FakeDiscord.Token}}", "GuildId": "my server" } }""");
        var error = new StringWriter();

        var code = await RunAsync(error, CancellationToken.None);

        Assert.Equal(2, code);
        Assert.Contains("appsettings.json: Discord:GuildId", error.ToString());
    }

    public async Task DisposeAsync()
    {
        await _fake.DisposeAsync();
        _dir.Dispose();
    }
}
