using NewsBrief.Tests.Bot.Deliveries.Fakes;
using NewsBrief.Tests.Bot.Discord.Fake;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Bot;

/// <summary><c>newsbrief doctor</c> against local fakes: each failure names the setting to fix, and the exit code says whether all passed.</summary>
public sealed class DoctorCommandTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private readonly LocalHttpServer _feeds = new();
    private TestConfigFolder _config = null!;
    private string Data => Path.Combine(_dir.Path, "data");

    public Task InitializeAsync()
    {
        _feeds.MapContent("/wire.xml", new RssBuilder().Item("Ministers meet", "https://wire.example/1", "Ministers met.", DateTimeOffset.UtcNow).Build("Wire"));
        _config = new TestConfigFolder(Path.Combine(_dir.Path, "config")).WriteSettings().WriteTopics()
            .WriteSources(("wire", _feeds.Url("/wire.xml")), ("gone", _feeds.Url("/gone.xml")));
        return Task.CompletedTask;
    }

    private Task<CliResult> Run(params string[] args) => CliRun.InProcessAsync([.. args, "--config", _config.Path, "--data", Data]);

    [Fact]
    public async Task Doctor_WithAGoodSetup_PassesAndExitsZero()
    {
        _config.WriteSources(("wire", _feeds.Url("/wire.xml")));

        var result = await Run("doctor", "--sources");

        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        Assert.Contains(": 1 source, 2 topics", result.Out);
        Assert.Contains("ok   store:", result.Out);
        Assert.Contains("integrity ok", result.Out);
        Assert.Contains("ok   source wire:", result.Out);
        Assert.Contains("all checks passed", result.Out);
    }

    [Fact]
    public async Task Doctor_WithSources_NamesTheSourceThatDoesNotAnswer()
    {
        var result = await Run("doctor", "--sources");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("ok   source wire:", result.Out);
        Assert.Contains("FAIL source gone:", result.Out);
        Assert.Contains("sources.json: the Url of 'gone'", result.Out);
    }

    [Fact]
    public async Task Doctor_WithAnUnreachableModel_NamesSummariserEndpoint()
    {
        using var closed = new RefusingPort();
        _config.WriteSettings($$"""
            { "Fetch": { "Timeout": "00:00:02", "FetchArticlePages": false },
              "Summariser": { "Provider": "openai-compatible", "Endpoint": "{{closed.Url("v1")}}", "Model": "test-model", "MaxRetries": 0, "Timeout": "00:01:00" } }
            """);
        // The refused port fails at once; the long timeout is only a hang guard (5 s ran out once in a fresh,
        // loaded process before the first request had even been sent, and the failure then read "timed out").

        var result = await Run("doctor");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Out.Split('\n'), l => l.StartsWith("FAIL model:"));
        Assert.Contains("could not reach the model endpoint", line);
        Assert.Contains("check Summariser:Endpoint", line);
    }

    [Fact]
    public async Task Doctor_WithABadDiscordToken_NamesDiscordTokenWithoutPrintingIt()
    {
        await using var discord = new FakeDiscord();
        discord.Script(r => r.Is("GET", "/users/@me"), new FakeResponse(401, """{"message":"401: Unauthorized","code":0}"""));
        _config.WriteSettings($$"""{ "Fetch": { "FetchArticlePages": false }, "Discord": { "Token": "{{FakeDiscord.Token}}", "ApiBaseUrl": "{{discord.ApiBaseUrl}}" } }""");

        var result = await Run("doctor");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Out.Split('\n'), l => l.StartsWith("FAIL discord:"));
        Assert.Contains("check Discord:Token", line);
        Assert.DoesNotContain(FakeDiscord.Token, result.Out + result.Error);
    }

    [Fact]
    public async Task Doctor_SendTest_WithAWrongSmtpPassword_NamesSmtpPassword_AndTheRightOneSends()
    {
        await using var smtp = new FakeSmtpServer(requireLogin: true);
        string Settings(string password) => $$"""
            { "Fetch": { "FetchArticlePages": false },
              "Smtp": { "Host": "127.0.0.1", "Port": {{smtp.Port}}, "Security": "none", "From": "briefs@example.org", "User": "{{FakeSmtpServer.User}}", "Password": "{{password}}" } }
            """;
        _config.WriteSettings(Settings("wrong-password"));
        Assert.Equal(0, (await Run("subscribe", "tiktok", "--to", "email:policy@example.org")).ExitCode);

        var wrong = await Run("doctor", "--send-test");
        _config.WriteSettings(Settings(FakeSmtpServer.Password));
        var right = await Run("doctor", "--send-test");

        Assert.Equal(1, wrong.ExitCode);
        var line = Assert.Single(wrong.Out.Split('\n'), l => l.StartsWith("FAIL destination email:"));
        Assert.Contains("Smtp:Password", line);
        Assert.DoesNotContain("wrong-password", wrong.Out + wrong.Error);
        Assert.True(right.ExitCode == 0, right.Out + right.Error);
        Assert.Contains("NewsBrief test message", Assert.Single(smtp.Messages).TextBody);
    }

    [Fact]
    public async Task DoctorSendTest_AndDeliveriesTest_GiveTheSameReason_WhenNoSenderTakesTheDestination()
    {
        Assert.Equal(0, (await Run("subscribe", "tiktok", "--to", "email:policy@example.org")).ExitCode);

        var doctor = await Run("doctor", "--send-test");
        var test = await Run("deliveries", "test", "email:policy@example.org");

        Assert.Equal((1, 1), (doctor.ExitCode, test.ExitCode));
        var line = Assert.Single(doctor.Out.Split('\n'), l => l.StartsWith("FAIL destination email:policy@example.org:"));
        var reason = line[(line.IndexOf(": ", "FAIL destination email:policy@example.org".Length, StringComparison.Ordinal) + 2)..].Trim();
        Assert.Contains("set Smtp:Host and Smtp:From", reason);
        Assert.Contains($"failed: email:policy@example.org: {reason}", test.Error);
    }

    public async Task DisposeAsync()
    {
        await _feeds.DisposeAsync();
        _dir.Dispose();
    }
}
