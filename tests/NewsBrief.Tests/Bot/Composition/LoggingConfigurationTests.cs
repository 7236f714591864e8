using System.Text.Json;
using NewsBrief.Tests.Bot.Discord.Fake;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Bot.Composition;

/// <summary>Logging as an operator sets it: levels and the console format from the environment, on the real executable.</summary>
public sealed class LoggingConfigurationTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private readonly LocalHttpServer _server = new();
    private readonly FakeDiscord _discord = new();
    private TestConfigFolder _config = null!;
    private string Data => Path.Combine(_dir.Path, "data");

    public Task InitializeAsync()
    {
        _server.MapContent("/wire.xml", new RssBuilder().Item("Ministers meet", "https://wire.example/1", "Ministers met.", DateTimeOffset.UtcNow).Build("Wire"));
        _server.MapStatus("/broken.xml", 500, "internal error");
        _config = new TestConfigFolder(Path.Combine(_dir.Path, "config")).WriteSettings().WriteTopics()
            .WriteSources(("wire", _server.Url("/wire.xml")), ("broken", _server.Url("/broken.xml")));
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Poll_WithDebugFromTheEnvironment_LogsEachFetch()
    {
        var quiet = await CliRun.ProcessAsync(null, "poll", "--config", _config.Path, "--data", Data);
        var debug = await CliRun.ProcessAsync(new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Debug" },
            "poll", "--config", _config.Path, "--data", Data);

        Assert.DoesNotContain("dbug:", quiet.Error);
        Assert.Contains(debug.Error.Split('\n'), l => l.Contains("dbug:") && l.Contains($"GET {_server.Url("/wire.xml")}: not-modified") || l.Contains($"GET {_server.Url("/wire.xml")}: ok"));
        Assert.Contains(debug.Error.Split('\n'), l => l.Contains("dbug:") && l.Contains($"GET {_server.Url("/broken.xml")}: server-error (HTTP 500)"));
    }

    [Fact]
    public async Task Poll_OfAFailingSource_LogsTheFailureOnceAsAWarningWithTheSourceScope()
    {
        var result = await CliRun.ProcessAsync(null, "poll", "--config", _config.Path, "--data", Data);

        var warnings = result.Error.Split('\n').Where(l => l.Contains("warn:") && l.Contains("source broken failed")).ToList();
        Assert.True(warnings.Count == 1, result.Error);
        Assert.True(warnings[0].Contains("SourceId:broken"), warnings[0]);
        Assert.Contains("HTTP 500", warnings[0]);
    }

    [Fact]
    public async Task Poll_WithTheJsonFormatter_WritesOneJsonObjectPerLogLine()
    {
        var result = await CliRun.ProcessAsync(new Dictionary<string, string>
        {
            ["Logging__Console__FormatterName"] = "json",
            ["Logging__LogLevel__Default"] = "Debug",
        }, "poll", "--config", _config.Path, "--data", Data);

        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => l.StartsWith('{')).ToList();
        Assert.True(lines.Count >= 3, result.Error); // two fetch debug lines and the failure
        var entries = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var failure = Assert.Single(entries, e => e.GetProperty("LogLevel").GetString() == "Warning");
        Assert.Contains("source broken failed", failure.GetProperty("Message").GetString());
        Assert.Contains(failure.GetProperty("Scopes").EnumerateArray(), s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("SourceId", out var id) && id.GetString() == "broken");
    }

    [Fact]
    public async Task Run_WithDebugFromTheEnvironment_LogsDiscordRequestsWithoutTheToken()
    {
        _config.WriteSettings($$"""{ "Fetch": { "FetchArticlePages": false }, "Discord": { "Token": "{{FakeDiscord.Token}}", "ApiBaseUrl": "{{_discord.ApiBaseUrl}}" } }""");
        _discord.Script(r => r.Is("GET", "/gateway/bot"), new FakeResponse(401, """{"message":"401: Unauthorized","code":0}"""));

        var result = await CliRun.ProcessAsync(new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Debug" }, "run", "--config", _config.Path, "--data", Data);

        Assert.Equal(1, result.ExitCode);
        var lines = result.Error.Split('\n');
        Assert.True(lines.Any(l => l.Contains("dbug:") && l.Contains("Discord GET /gateway/bot: HTTP 401")), result.Error);
        Assert.True(lines.Any(l => l.Contains("dbug:") && l.Contains($"GET {_server.Url("/wire.xml")}")), result.Error);
        Assert.DoesNotContain(FakeDiscord.Token, result.Error);
    }

    public async Task DisposeAsync()
    {
        await _discord.DisposeAsync();
        await _server.DisposeAsync();
        _dir.Dispose();
    }
}
