using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using NewsBrief.Bot.Deliveries;
using NewsBrief.Core.Domain;
using NewsBrief.Core.Storage;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Bot.Deliveries;

/// <summary>The outbox sender against a real SQLite file and real webhooks on 127.0.0.1.</summary>
public sealed class DeliveryDispatcherTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private readonly LocalHttpServer _server = new();
    private readonly ConcurrentQueue<(string Path, string Body, string? Key)> _received = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    private readonly HttpClient _http = new();
    private readonly StringWriter _console = new();
    private DeliveryStore _store = null!;
    private DeliveryDispatcher _dispatcher = null!;
    private static readonly DeliveryOptions Options = new() { MaxAttempts = 3, RetryDelay = TimeSpan.FromSeconds(30), WebhookTimeout = TimeSpan.FromSeconds(30) };

    public Task InitializeAsync()
    {
        _store = new DeliveryStore(NewsBriefDatabase.Open(_dir.Path));
        _dispatcher = new DeliveryDispatcher(_store, [new ConsoleSender(_console, json: true), new WebhookSender(_http, Options.WebhookTimeout)], Options, _clock);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task SendDue_ToAWebhookThatAnswers2xx_PostsTheMessageOnceAndMarksItSent()
    {
        Answer("/ok", 200);
        var id = Queue("webhook:" + _server.Url("/ok"), "k1");

        var report = await _dispatcher.SendDueAsync(CancellationToken.None);
        var again = await _dispatcher.SendDueAsync(CancellationToken.None);

        Assert.Equal((1, 0), (report.Sent, again.Sent));
        var (_, body, key) = Assert.Single(_received);
        Assert.Equal("k1", key);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("alert", json.RootElement.GetProperty("kind").GetString());
        Assert.Equal("hello", json.RootElement.GetProperty("text").GetString());
        Assert.Equal(7, json.RootElement.GetProperty("content").GetProperty("n").GetInt32());
        var stored = _store.Get(id)!;
        Assert.Equal((DeliveryStatus.Sent, "http-200"), (stored.Status, stored.MessageId));
    }

    [Fact]
    public async Task SendDue_WhenAWebhookAnswers503_RetriesAfterTheBackOffAndThenSends()
    {
        var calls = 0;
        _server.Map("/flaky", async ctx =>
        {
            var status = Interlocked.Increment(ref calls) == 1 ? 503 : 200;
            await LocalHttpServer.WriteAsync(ctx, status, "", "text/plain");
        });
        var id = Queue("webhook:" + _server.Url("/flaky"), "k1");

        var first = await _dispatcher.SendDueAsync(CancellationToken.None);
        var tooSoon = await _dispatcher.SendDueAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(30));
        var later = await _dispatcher.SendDueAsync(CancellationToken.None);

        Assert.Equal((0, 1), (first.Sent, first.Retrying));
        Assert.Equal(0, tooSoon.Sent + tooSoon.Retrying);
        Assert.Equal(1, later.Sent);
        var stored = _store.Get(id)!;
        Assert.Equal((DeliveryStatus.Sent, 2), (stored.Status, stored.Attempts));
    }

    [Fact]
    public async Task SendDue_ToADestinationThatKeepsFailing_GivesUpAfterMaxAttemptsAndReportsIt()
    {
        Answer("/down", 500);
        var id = Queue("webhook:" + _server.Url("/down"), "k1");

        var reports = new List<DispatchReport>();
        for (var i = 0; i < 5; i++)
        {
            reports.Add(await _dispatcher.SendDueAsync(CancellationToken.None));
            _clock.Advance(TimeSpan.FromHours(1));
        }

        var failed = Assert.Single(reports.SelectMany(r => r.FailedNow));
        Assert.Equal(id, failed.Id);
        Assert.Contains("gave up after 3 attempts: HTTP 500", failed.LastError);
        Assert.Equal(3, _received.Count);
        Assert.Equal(DeliveryStatus.Failed, _store.Get(id)!.Status);
    }

    [Fact]
    public async Task SendDue_WhenOneWebhookRejectsWith404_FailsItAtOnceAndStillSendsTheOthers()
    {
        Answer("/gone", 404);
        Answer("/ok", 204);
        var gone = Queue("webhook:" + _server.Url("/gone"), "k1");
        var ok = Queue("webhook:" + _server.Url("/ok"), "k2");
        var console = Queue("console", "k3");

        var report = await _dispatcher.SendDueAsync(CancellationToken.None);

        Assert.Equal(2, report.Sent);
        Assert.Equal(gone, Assert.Single(report.FailedNow).Id);
        Assert.Equal((DeliveryStatus.Failed, DeliveryStatus.Sent, DeliveryStatus.Sent), (_store.Get(gone)!.Status, _store.Get(ok)!.Status, _store.Get(console)!.Status));
        Assert.Equal("{\"n\":7}", _console.ToString().Trim());
    }

    [Fact]
    public async Task SendDue_ToADiscordDestinationWithNoSenderYet_KeepsItQueuedAndSaysWhy()
    {
        var id = Queue("discord:channel:123456789012345678", "k1");

        var reports = new List<DispatchReport>();
        for (var i = 0; i < 10; i++)
        {
            reports.Add(await _dispatcher.SendDueAsync(CancellationToken.None));
            _clock.Advance(TimeSpan.FromHours(1));
        }

        Assert.All(reports, r => Assert.Equal((0, 1), (r.Sent, r.Retrying)));
        Assert.Empty(reports.SelectMany(r => r.FailedNow));
        var stored = _store.Get(id)!;
        Assert.Equal((DeliveryStatus.Pending, 0), (stored.Status, stored.Attempts));
        Assert.Contains("no sender for DiscordChannel", stored.LastError);
    }

    [Fact]
    public async Task SendDue_ToADestinationInItsQuietHours_HoldsItUntilTheyEnd()
    {
        var until = _clock.GetUtcNow().AddHours(2);
        var quietDispatcher = new DeliveryDispatcher(_store, [new ConsoleSender(_console, json: true)], Options, _clock)
        {
            QuietUntil = now => now < until ? new Dictionary<string, DateTimeOffset> { ["console"] = until } : new Dictionary<string, DateTimeOffset>(),
        };
        var id = Queue("console", "k1");

        var during = await quietDispatcher.SendDueAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromHours(2));
        var after = await quietDispatcher.SendDueAsync(CancellationToken.None);

        Assert.Equal((0, 1), (during.Sent, after.Sent));
        Assert.Equal((DeliveryStatus.Sent, 1), (_store.Get(id)!.Status, _store.Get(id)!.Attempts));
    }

    [Fact]
    public void TryClaim_OfADeliveryAnotherSenderHolds_Fails()
    {
        var id = Queue("console", "k1");
        var now = _clock.GetUtcNow();

        Assert.True(_store.TryClaim(id, now, now.AddMinutes(1)));
        Assert.False(_store.TryClaim(id, now, now.AddMinutes(1)));
        Assert.Empty(_store.Due(now));
        Assert.Single(_store.Due(now.AddMinutes(1)));
    }

    [Fact]
    public void Add_WithAnIdempotencyKeyAlreadyQueued_AddsNothing()
    {
        Queue("console", "same");

        Assert.Null(_store.Add(Delivery("console", "same")));
        Assert.Single(_store.List());
    }

    [Fact]
    public void Backoff_DoublesFromTheRetryDelayUpToTheMaximumAndHonoursRetryAfter()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), _dispatcher.Backoff(1, null));
        Assert.Equal(TimeSpan.FromSeconds(120), _dispatcher.Backoff(3, null));
        Assert.Equal(TimeSpan.FromHours(1), _dispatcher.Backoff(30, null));
        Assert.Equal(TimeSpan.FromMinutes(10), _dispatcher.Backoff(1, TimeSpan.FromMinutes(10)));
    }

    private void Answer(string path, int status) => _server.Map(path, async ctx =>
    {
        using var reader = new StreamReader(ctx.Request.InputStream);
        _received.Enqueue((path, await reader.ReadToEndAsync(), ctx.Request.Headers["Idempotency-Key"]));
        await LocalHttpServer.WriteAsync(ctx, status, "", "text/plain");
    });

    private long Queue(string destination, string key) => _store.Add(Delivery(destination, key))!.Value;

    private Delivery Delivery(string destination, string key) => new()
    {
        Destination = destination, Kind = "alert", IdempotencyKey = key, Payload = "{\"n\":7}", Text = "hello", Created = _clock.GetUtcNow(),
    };

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
