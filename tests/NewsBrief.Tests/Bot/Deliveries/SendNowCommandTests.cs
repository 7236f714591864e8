using System.Text.Json;
using NewsBrief.Tests.Bot.Deliveries.Fakes;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Bot.Deliveries;

/// <summary><c>brief --to</c>, <c>deliveries retry</c> and <c>deliveries test</c> through the real CLI against fakes on 127.0.0.1.</summary>
public sealed class SendNowCommandTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private readonly LocalHttpServer _feeds = new();
    private TestConfigFolder _config = null!;
    private string Data => Path.Combine(_dir.Path, "data");

    public Task InitializeAsync()
    {
        _feeds.MapContent("/wire.xml", new RssBuilder()
            .Item("Ministers meet at summit", "https://wire.example/summit", "Foreign ministers met in Geneva on Tuesday to discuss the ceasefire.", DateTimeOffset.UtcNow.AddHours(-2))
            .Build("Wire"));
        _config = new TestConfigFolder(Path.Combine(_dir.Path, "config")).WriteSettings().WriteTopics().WriteSources(("wire", _feeds.Url("/wire.xml")));
        return Task.CompletedTask;
    }

    private Task<CliResult> Run(params string[] args) => CliRun.InProcessAsync([.. args, "--config", _config.Path, "--data", Data]);

    [Fact]
    public async Task BriefTo_ASlackWebhook_SendsAtOnce_PrintsTheDeliveryId_AndListsItRedacted()
    {
        await using var slack = new FakeSlack();

        var sent = await Run("brief", "--to", "slack:webhook:" + slack.WebhookUrl);
        var list = await Run("deliveries", "--format", "json");

        Assert.Equal(0, sent.ExitCode);
        var id = long.Parse(sent.Out.Trim());
        var message = Assert.Single(slack.Messages);
        Assert.Contains("Ministers meet at summit", message.ToJsonString());
        Assert.Contains($"delivery {id} (brief) sent to slack:webhook:http://127.0.0.1:", sent.Error);
        using var rows = JsonDocument.Parse(list.Out);
        var row = Assert.Single(rows.RootElement.EnumerateArray());
        Assert.Equal(("sent", id), (row.GetProperty("status").GetString(), row.GetProperty("id").GetInt64()));
        Assert.EndsWith("/…", row.GetProperty("destination").GetString());
        Assert.DoesNotContain("webhook-secret", list.Out + sent.Error + sent.Out);
    }

    [Fact]
    public async Task DeliveriesRetry_OfAFailedBrief_SendsItOnceTheReceiverAcceptsIt()
    {
        await using var hook = new LocalHttpServer();
        var calls = 0;
        hook.Map("/in", ctx => LocalHttpServer.WriteAsync(ctx, Interlocked.Increment(ref calls) == 1 ? 400 : 200, "", "text/plain"));

        var first = await Run("brief", "--no-poll", "--to", "webhook:" + hook.Url("/in"));
        var id = first.Out.Trim();
        var retried = await Run("deliveries", "retry", id);
        var again = await Run("deliveries", "retry", id);

        Assert.Equal(1, first.ExitCode);
        Assert.Contains("failed: HTTP 400", first.Error);
        Assert.Equal(0, retried.ExitCode);
        Assert.Contains($"delivery {id} (brief) sent", retried.Error);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("was sent already", again.Error);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task DeliveriesTest_NamesWhatIsWrong_ForAnUnknownTeamsUrlARevokedSlackWebhookAndAMissingSmtpHost()
    {
        await using var teams = new FakeTeams();
        await using var slack = new FakeSlack();

        var goodTeams = await Run("deliveries", "test", "teams:webhook:" + teams.WebhookUrl);
        var badTeams = await Run("deliveries", "test", "teams:webhook:" + teams.UnknownUrl);
        var badSlack = await Run("deliveries", "test", "slack:webhook:" + slack.RevokedUrl);
        var noSmtp = await Run("deliveries", "test", "email:me@example.org");

        Assert.Equal(0, goodTeams.ExitCode);
        Assert.Contains("NewsBrief test message", Assert.Single(teams.Cards).ToJsonString());
        Assert.Equal((1, 1, 1), (badTeams.ExitCode, badSlack.ExitCode, noSmtp.ExitCode));
        Assert.Contains("workflow URL is unknown", badTeams.Error);
        Assert.DoesNotContain("sig=", badTeams.Error);
        Assert.Contains("create a new incoming webhook", badSlack.Error);
        Assert.DoesNotContain("/services/", badSlack.Error);
        Assert.Contains("Smtp:Host", noSmtp.Error);
    }

    [Fact]
    public async Task DeliveriesTest_WithAWrongSmtpPassword_NamesTheSetting()
    {
        await using var smtp = new FakeSmtpServer(requireLogin: true);
        _config.WriteSettings($$"""
            { "Smtp": { "Host": "127.0.0.1", "Port": {{smtp.Port}}, "Security": "none", "From": "briefs@example.org", "User": "{{FakeSmtpServer.User}}", "Password": "not-it" } }
            """);

        var result = await Run("deliveries", "test", "email:me@example.org");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("check Smtp:User and Smtp:Password", result.Error);
        Assert.DoesNotContain("not-it", result.Error);
    }

    public async Task DisposeAsync()
    {
        await _feeds.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
