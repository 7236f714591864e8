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

    private static readonly Dictionary<string, string> JsonLogs = new() { ["Logging__Console__FormatterName"] = "json" };

    /// <summary>The JSON log entries of a run's standard error (result lines there are plain text).</summary>
    private static List<JsonElement> Entries(CliResult result) =>
        result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement).ToList();

    private static bool HasScope(JsonElement entry, string name, string value) =>
        entry.GetProperty("Scopes").EnumerateArray().Any(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty(name, out var v)
            && (v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText()) == value);

    [Fact]
    public async Task BriefTo_AFailingWebhook_LogsTheAttemptOnceAsAWarning_InTheDeliveryScope_WithoutTheUrl()
    {
        await using var hook = new LocalHttpServer();
        hook.MapStatus("/hook-secret-path", 503, "down for maintenance");

        var result = await CliRun.ProcessAsync(JsonLogs, "brief", "--no-poll", "--to", "webhook:" + hook.Url("/hook-secret-path"), "--config", _config.Path, "--data", Data);

        Assert.True(result.ExitCode == 1, result.Out + result.Error);
        var id = long.Parse(result.Out.Trim());
        var entries = Entries(result);
        var failure = Assert.Single(entries, e => e.GetProperty("Message").GetString()!.Contains($"delivery {id} "));
        Assert.Equal("Warning", failure.GetProperty("LogLevel").GetString());
        Assert.Contains("HTTP 503", failure.GetProperty("Message").GetString());
        Assert.Contains("attempt 1 of 6", failure.GetProperty("Message").GetString());
        Assert.True(HasScope(failure, "DeliveryId", id.ToString()), failure.GetRawText());
        Assert.True(HasScope(failure, "DestinationKind", "webhook"), failure.GetRawText());
        Assert.DoesNotContain("hook-secret-path", result.Error);
    }

    [Fact]
    public async Task BriefTo_AWebhookThatRefuses_LogsTheFailureOnceAsAnError_InTheDeliveryScope()
    {
        await using var hook = new LocalHttpServer();
        hook.MapStatus("/hook-secret-path", 404, "no such hook");

        var result = await CliRun.ProcessAsync(JsonLogs, "brief", "--no-poll", "--to", "webhook:" + hook.Url("/hook-secret-path"), "--config", _config.Path, "--data", Data);

        var id = long.Parse(result.Out.Trim());
        var failure = Assert.Single(Entries(result), e => e.GetProperty("Message").GetString()!.Contains($"delivery {id} "));
        Assert.Equal("Error", failure.GetProperty("LogLevel").GetString());
        Assert.Contains("will not be retried", failure.GetProperty("Message").GetString());
        Assert.True(HasScope(failure, "DeliveryId", id.ToString()), failure.GetRawText());
    }

    [Fact]
    public async Task Poll_WithDebugJsonLogs_LogsWhatTheAlertScanDidForEachSubscriptionInItsScope()
    {
        Assert.Equal(0, (await CliRun.InProcessAsync("subscribe", "ministers", "--config", _config.Path, "--data", Data)).ExitCode);

        var result = await CliRun.ProcessAsync(new Dictionary<string, string>(JsonLogs) { ["Logging__LogLevel__Default"] = "Debug" },
            "poll", "--config", _config.Path, "--data", Data);

        var planned = Assert.Single(Entries(result), e => e.GetProperty("Message").GetString()!.StartsWith("subscription 1: "));
        Assert.Equal("subscription 1: 1 alert queued, 0 stories held for the digest", planned.GetProperty("Message").GetString());
        Assert.True(HasScope(planned, "SubscriptionId", "1"), planned.GetRawText());
    }

    [Fact]
    public async Task Brief_WithAnUnreachableModel_LogsEachStorysFallbackOnceAsAWarningWithTheReason()
    {
        using var closed = new RefusingPort();
        _server.MapContent("/long.xml", new RssBuilder().Item("Ministers meet at the summit in Geneva", "https://wire.example/long",
            "Foreign ministers from twelve countries met in Geneva on Tuesday to discuss the ceasefire, the release of prisoners and aid corridors for the coming winter.",
            DateTimeOffset.UtcNow.AddHours(-1)).Build("Wire"));
        _config.WriteSources(("long", _server.Url("/long.xml")));
        _config.WriteSettings($$"""
            { "Fetch": { "FetchArticlePages": false },
              "Summariser": { "Provider": "openai-compatible", "Endpoint": "{{closed.Url("v1")}}", "Model": "test-model", "MaxRetries": 1, "RetryBaseDelay": "00:00:00.010", "Timeout": "00:00:05" } }
            """);

        var result = await CliRun.ProcessAsync(JsonLogs, "brief", "--config", _config.Path, "--data", Data);

        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        var entries = Entries(result);
        var fallback = Assert.Single(entries, e => e.GetProperty("Message").GetString()!.Contains("could not reach the model endpoint"));
        Assert.Equal("Warning", fallback.GetProperty("LogLevel").GetString());
        Assert.Contains("fell back to the extractive engine", fallback.GetProperty("Message").GetString());
        Assert.Contains("Ministers meet at the summit", fallback.GetProperty("Message").GetString());
        Assert.Contains("1 story, 1 article.", result.Out); // the footer counts in words, not "story(ies)"
        Assert.Contains("1 story fell back to the extractive engine", result.Out);
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
        // The refused token is logged once, by the layer that decides it is fatal, not also by the REST client.
        var reported = lines.Where(l => (l.Contains("warn:") || l.Contains("fail:") || l.Contains("crit:")) && l.Contains("401")).ToList();
        Assert.True(reported.Count == 1, string.Join("\n", reported));
        Assert.Contains("crit:", reported[0]);
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
