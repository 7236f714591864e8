using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using NewsBrief.Bot.Deliveries;
using NewsBrief.Core.Domain;
using NewsBrief.Core.Storage;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Bot.Deliveries;

/// <summary>The outbox drains in one pass: thousands of rows, destinations in parallel, one slow destination holding no other.</summary>
public sealed class OutboxDrainTests
{
    private static Delivery Alert(string destination, int n, DateTimeOffset now) => new()
    {
        Destination = destination, Kind = "alert", IdempotencyKey = $"alert:{destination.GetHashCode()}:{n}", Payload = $"{{\"n\":{n}}}", Text = $"alert {n}", Created = now,
    };

    private static void QueueMany(NewsBriefDatabase db, string destination, int count, DateTimeOffset now)
    {
        using var connection = db.Connect();
        using var tx = connection.BeginTransaction();
        for (var i = 0; i < count; i++) DeliveryStore.Insert(connection, tx, Alert(destination, i, now));
        tx.Commit();
    }

    [Fact]
    public async Task Poll_With5000QueuedAlertsToAWebhook_SendsEveryOneBeforeItExits()
    {
        using var dir = new TempDirectory();
        await using var server = new LocalHttpServer();
        var received = new ConcurrentDictionary<string, int>();
        server.Map("/hook", async ctx =>
        {
            received.AddOrUpdate(ctx.Request.Headers["Idempotency-Key"] ?? "", 1, (_, n) => n + 1);
            await LocalHttpServer.WriteAsync(ctx, 200, "", "text/plain");
        });
        server.MapContent("/feed.xml", new RssBuilder().Build("Feed"));
        var config = new TestConfigFolder(Path.Combine(dir.Path, "config")).WriteSettings().WriteTopics().WriteSources(("wire", server.Url("/feed.xml")));
        var data = Path.Combine(dir.Path, "data");
        var db = NewsBriefDatabase.Open(data);
        QueueMany(db, "webhook:" + server.Url("/hook"), 5000, DateTimeOffset.UtcNow.AddMinutes(-1));

        var result = await CliRun.InProcessAsync("poll", "--config", config.Path, "--data", data);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(5000, received.Count);
        Assert.All(received.Values, n => Assert.Equal(1, n));
        Assert.Empty(new DeliveryStore(db).List(DeliveryStatus.Pending, 10_000));
        Assert.Contains("5000 delivered", result.Error);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task SendDue_ASlowDestination_DoesNotHoldTheOthers()
    {
        using var dir = new TempDirectory();
        await using var server = new LocalHttpServer();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var fast = 0;
        server.Map("/slow", async ctx => { await release.Task; await LocalHttpServer.WriteAsync(ctx, 200, "", "text/plain"); });
        server.Map("/fast", async ctx =>
        {
            if (Interlocked.Increment(ref fast) == 20) release.TrySetResult(); // the slow one answers only once the fast one has everything
            await LocalHttpServer.WriteAsync(ctx, 200, "", "text/plain");
        });
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var db = NewsBriefDatabase.Open(dir.Path);
        var store = new DeliveryStore(db);
        QueueMany(db, "webhook:" + server.Url("/slow"), 2, clock.GetUtcNow());
        QueueMany(db, "webhook:" + server.Url("/fast"), 20, clock.GetUtcNow());
        using var http = new HttpClient();
        var dispatcher = new DeliveryDispatcher(store, [new WebhookSender(http, TimeSpan.FromSeconds(30))], new DeliveryOptions { WebhookTimeout = TimeSpan.FromSeconds(30) }, clock);

        var report = await dispatcher.SendDueAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(22, report.Sent);
        Assert.Equal(20, fast);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task SendDue_ToOneSlackWebhook_SpacesTheMessagesBySlacksInterval()
    {
        using var dir = new TempDirectory();
        await using var slack = new Fakes.FakeSlack();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var db = NewsBriefDatabase.Open(dir.Path);
        QueueMany(db, "slack:webhook:" + slack.WebhookUrl, 3, clock.GetUtcNow());
        using var http = new HttpClient();
        var options = new DeliveryOptions();
        var dispatcher = new DeliveryDispatcher(new DeliveryStore(db), [new SlackSender(http, new SlackOptions(), options.WebhookTimeout)], options, clock);

        var pass = dispatcher.SendDueAsync(CancellationToken.None);
        await WaitUntilAsync(() => slack.Messages.Count == 1);
        await Task.Delay(200);
        var beforeASecond = slack.Messages.Count;
        for (var i = 0; i < 2; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await WaitUntilAsync(() => slack.Messages.Count == i + 2);
        }
        var report = await pass.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, beforeASecond);
        Assert.Equal(3, report.Sent);
        Assert.Empty(slack.Violations);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition()) await Task.Delay(10, timeout.Token);
    }
}
