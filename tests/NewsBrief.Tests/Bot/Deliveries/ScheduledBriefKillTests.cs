using System.Collections.Concurrent;
using System.Text.Json;
using NewsBrief.Core.Domain;
using NewsBrief.Core.Storage;
using NewsBrief.Tests.Bot.Deliveries.Fakes;
using NewsBrief.Tests.Bot.Discord.Fake;
using NewsBrief.Tests.Support;
using Xunit.Abstractions;

namespace NewsBrief.Tests.Bot.Deliveries;

/// <summary>
/// The acceptance test of the outbox: one scheduled brief to all six kinds of destination (console, a webhook, a
/// Discord webhook, Slack, Teams, e-mail), the real <c>run</c> process killed with SIGKILL at a random moment, twice,
/// and restarted. Each fake counts what arrives by the message's key (the webhook's idempotency key, the e-mail's
/// Message-ID, the console's link line, and for Slack, Teams and Discord webhooks, which take no key, the message itself, which
/// a resend repeats byte for byte): every destination gets the brief exactly once by key, within its limits.
/// </summary>
public sealed class ScheduledBriefKillTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private readonly LocalHttpServer _server = new();
    private readonly FakeSlack _slack = new();
    private readonly FakeTeams _teams = new();
    private readonly FakeDiscord _discord = new();
    private readonly FakeSmtpServer _smtp = new();
    private readonly ConcurrentQueue<string> _webhookKeys = new();
    private TestConfigFolder _config = null!;
    private string Data => Path.Combine(_dir.Path, "data");

    public Task InitializeAsync()
    {
        var now = DateTimeOffset.UtcNow;
        _server.MapContent("/wire.xml", new RssBuilder()
            .Item("Ministers meet at summit in Geneva", "https://wire.example/summit", "Foreign ministers met in Geneva to discuss the ceasefire.", now.AddHours(-2))
            .Item("TikTok ban upheld by appeals court", "https://wire.example/tiktok", "The appeals court upheld the TikTok ban on Friday.", now.AddHours(-3))
            .Item("Central bank holds rates at 4 percent", "https://wire.example/rates", "The central bank held its main rate.", now.AddHours(-4))
            .Build("Wire"));
        _server.Map("/hook", async ctx =>
        {
            using var reader = new StreamReader(ctx.Request.InputStream);
            var body = JsonDocument.Parse(await reader.ReadToEndAsync()).RootElement;
            _webhookKeys.Enqueue(body.GetProperty("idempotencyKey").GetString()!);
            await LocalHttpServer.WriteAsync(ctx, 204, "", "text/plain");
        });
        _config = new TestConfigFolder(Path.Combine(_dir.Path, "config"))
            .WriteSettings($$"""
                { "Fetch": { "FetchArticlePages": false, "AllowPrivateAddresses": true }, "Web": { "Urls": "" },
                  "Schedules": { "Tick": "00:00:01" }, "Delivery": { "RetryDelay": "00:00:01", "MaxRetryDelay": "00:00:02" },
                  "Smtp": { "Host": "127.0.0.1", "Port": {{_smtp.Port}}, "Security": "none", "From": "NewsBrief <briefs@example.org>" } }
                """)
            .WriteTopics()
            .WriteSources(("wire", _server.Url("/wire.xml")));
        return Task.CompletedTask;
    }

    private string[] Destinations =>
    [
        "console", $"webhook:{_server.Url("/hook")}", $"webhook:{_discord.WebhookUrl}", $"slack:webhook:{_slack.WebhookUrl}",
        $"teams:webhook:{_teams.WebhookUrl}", "email:team@example.org",
    ];

    [Fact]
    public async Task AScheduledBrief_ReachesEveryKindOfDestinationOnce_AcrossKillsOfTheRealProcess()
    {
        var poll = await CliRun.ProcessAsync(null, "poll", "--config", _config.Path, "--data", Data);
        Assert.True(poll.ExitCode == 0, poll.Error);
        ScheduleAllDueTwoMinutesAgo();
        var random = new Random();
        var outputs = new List<string>();

        // Two runs killed at a random moment: after a random number of arrivals (none to all but one), plus a random wait.
        for (var round = 0; round < 2; round++)
        {
            var killAt = random.Next(0, Destinations.Length);
            var extra = TimeSpan.FromMilliseconds(random.Next(0, 400));
            using var run = StartRun();
            await WaitUntilAsync(() => Arrivals() >= killAt || run.HasExited, TimeSpan.FromSeconds(90));
            await Task.Delay(extra);
            run.KillHard();
            outputs.Add(run.Output);
            output.WriteLine($"round {round + 1}: killed after {Arrivals()} arrival(s) (aimed at {killAt}, +{extra.TotalMilliseconds:0} ms)");
        }
        // The last run goes on until the outbox is empty.
        using (var last = StartRun())
        {
            await WaitUntilAsync(() => Pending() == 0 || last.HasExited, TimeSpan.FromSeconds(90));
            await Task.Delay(TimeSpan.FromSeconds(2)); // a second brief would be queued by now if an occurrence were briefed twice
            last.KillHard();
            outputs.Add(last.Output);
            Assert.True(Pending() == 0, "outbox still has pending rows; last run's errors:\n" + last.Output);
        }

        var console = outputs.SelectMany(o => o.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(l => l.Contains("https://wire.example/summit", StringComparison.Ordinal)).ToList();
        output.WriteLine("console, last run:\n" + outputs[^1]);
        var byKey = new Dictionary<string, List<string>>
        {
            ["console"] = console,
            ["webhook"] = [.. _webhookKeys],
            ["discord"] = [.. _discord.CreatedMessages.Select(m => m.Body!.ToJsonString())],
            ["slack"] = [.. _slack.Messages.Select(m => m.ToJsonString())],
            ["teams"] = [.. _teams.Cards.Select(c => c.ToJsonString())],
            ["email"] = [.. _smtp.Messages.Select(m => m.MessageId ?? "")],
        };
        foreach (var (kind, keys) in byKey)
            output.WriteLine($"{kind}: {keys.Count} arrival(s), {keys.Distinct().Count()} distinct");
        // Exactly one message per destination by key (the brief is short enough for one message everywhere).
        Assert.All(byKey, entry => Assert.True(entry.Value.Distinct().Count() == 1, $"{entry.Key}: {entry.Value.Distinct().Count()} distinct messages"));
        // A resend repeats only a message that was in flight when the process died: at most one per kill and destination.
        Assert.All(byKey, entry => Assert.True(entry.Value.Count <= 3, $"{entry.Key}: {entry.Value.Count} arrivals across 2 kills"));
        Assert.Empty(_slack.Violations);
        Assert.Empty(_teams.Violations);
        Assert.Empty(_discord.Violations);
        var mail = _smtp.Messages[0];
        Assert.Contains("https://wire.example/summit", mail.HtmlBody);
        Assert.Contains("https://wire.example/summit", mail.TextBody);
        Assert.StartsWith("NewsBrief ", mail.Subject);
        using (var db = new DbScope(Data))
            Assert.All(db.Deliveries.List(), d => Assert.Equal(DeliveryStatus.Sent, d.Status));
    }

    private RunningProcess StartRun() => RunningProcess.Start(null, "run", "--config", _config.Path, "--data", Data);

    /// <summary>Six schedules, one per destination, daily at the minute two minutes ago: due once, now, and not again today.</summary>
    private void ScheduleAllDueTwoMinutesAgo()
    {
        var now = DateTimeOffset.UtcNow;
        var due = now.AddMinutes(-2);
        using var db = new DbScope(Data);
        foreach (var destination in Destinations)
            db.Schedules.Set(new BriefSchedule { Destination = destination, Cron = $"{due.Minute} {due.Hour} * * *", TimeZone = "UTC", Created = now.AddHours(-1) });
    }

    private int Arrivals() => Math.Min(1, _webhookKeys.Count) + Math.Min(1, _discord.CreatedMessages.Count) + Math.Min(1, _slack.Messages.Count)
        + Math.Min(1, _teams.Cards.Count) + Math.Min(1, _smtp.Messages.Count);

    private long Pending()
    {
        using var db = new DbScope(Data);
        var list = db.Deliveries.List();
        return list.Count == 0 ? 1 : list.Count(d => d.Status == DeliveryStatus.Pending);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        while (!condition() && !timeout.IsCancellationRequested) await Task.Delay(20);
    }

    /// <summary>The run's database opened from the test, released at once so the process is never held up by the test's connections.</summary>
    private sealed class DbScope(string data) : IDisposable
    {
        private readonly NewsBriefDatabase _db = NewsBriefDatabase.Open(data);
        public ScheduleStore Schedules => new(_db);
        public DeliveryStore Deliveries => new(_db);
        public void Dispose() => Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _slack.DisposeAsync();
        await _teams.DisposeAsync();
        await _discord.DisposeAsync();
        await _smtp.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
