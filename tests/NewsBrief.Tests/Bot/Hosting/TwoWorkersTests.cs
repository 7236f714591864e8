using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsBrief.Bot.Composition;
using NewsBrief.Bot.Configuration;
using NewsBrief.Core.Domain;
using NewsBrief.Core.Storage;
using NewsBrief.Tests.Bot.Alerts;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Bot.Hosting;

/// <summary>
/// Two workers in one process, each with its own composition (and so its own worker identity), on one SQLite
/// store and one fake clock: each source is fetched once per interval, each article scanned once, each alert
/// and each scheduled brief queued and sent once, and a dead worker's claimed delivery is sent after its lease.
/// </summary>
public sealed class TwoWorkersTests : IAsyncLifetime
{
    private const int Feeds = 12;
    private AlertFixture _f = null!;
    private IHost _secondHost = null!;
    private readonly StringWriter _secondConsole = new();
    private AppServices _second = null!;
    private AlertServices _secondAlerting = null!;

    public Task InitializeAsync()
    {
        _f = new AlertFixture(TestConfigFolder.QuickSettings, Enumerable.Range(0, Feeds).Select(i => $"feed{i}").ToArray());
        for (var i = 0; i < Feeds; i++)
            _f.SetFeed($"feed{i}", new RssBuilder().Item($"TikTok story {i} breaks", $"https://news.example/{i}", $"TikTok report number {i}.", _f.Clock.GetUtcNow().AddMinutes(-i)));
        _secondHost = NewsBriefHost.Build(AppConfiguration.Load(_f.Config.Path, _f.DataPath), _f.Clock, new ConsoleOutput(_secondConsole, Json: true));
        _second = _secondHost.Services.GetRequiredService<AppServices>();
        _secondAlerting = _secondHost.Services.GetRequiredService<AlertServices>();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Poll_ByTwoWorkersAtOnce_FetchesEachDueSourceOnce_AndAgainOnlyAfterItsInterval()
    {
        await PollBothAsync();
        Assert.All(FetchCounts(), c => Assert.Equal(1, c));

        _f.Clock.Advance(TimeSpan.FromMinutes(10));
        await PollBothAsync();
        Assert.All(FetchCounts(), c => Assert.Equal(1, c));

        // The interval is 15 minutes with up to 10% jitter.
        _f.Clock.Advance(TimeSpan.FromMinutes(7));
        await PollBothAsync();
        Assert.All(FetchCounts(), c => Assert.Equal(2, c));
    }

    [Fact]
    public async Task Poll_OfASourceADeadWorkerClaimed_LeavesItUntilTheLeaseEnds_ThenPollsIt()
    {
        var now = _f.Clock.GetUtcNow();
        var lease = _second.Refresh.ClaimLease;
        Assert.True(new SourceClaimStore(_f.Host.Services.GetRequiredService<NewsBriefDatabase>()).TryClaim("feed0", now, now + lease)); // then killed

        await PollBothAsync();
        var before = FetchCounts().ToList();
        _f.Clock.Advance(lease);
        await PollBothAsync();

        Assert.Equal([0, .. Enumerable.Repeat(1, Feeds - 1)], before);
        Assert.All(FetchCounts(), c => Assert.Equal(1, c));
    }

    [Fact]
    public async Task ScanAndSend_ByTwoWorkersAtOnce_ScansEachArticleOnce_AndSendsEachAlertOnce()
    {
        _f.Subscribe("tiktok");
        await PollBothAsync();

        var results = await Task.WhenAll(Task.Run(() => _f.Alerting.ScanAndSendAsync(CancellationToken.None)),
            Task.Run(() => _secondAlerting.ScanAndSendAsync(CancellationToken.None)));
        // A worker that found the scan lease taken scans the next time round.
        var again = await Task.WhenAll(Task.Run(() => _f.Alerting.ScanAndSendAsync(CancellationToken.None)),
            Task.Run(() => _secondAlerting.ScanAndSendAsync(CancellationToken.None)));

        Assert.Equal(Feeds, results.Concat(again).Sum(r => r.Scan.ArticlesScanned));
        var urls = ConsoleAlerts().SelectMany(l => JsonDocument.Parse(l).RootElement.GetProperty("articles").EnumerateArray())
            .Select(a => a.GetProperty("url").GetString()!).Order().ToList();
        Assert.Equal(Enumerable.Range(0, Feeds).Select(i => $"https://news.example/{i}").Order(), urls);
    }

    [Fact]
    public async Task RunDue_ByTwoWorkersAtOnce_QueuesTheScheduledBriefOnce()
    {
        var schedule = _f.Alerting.ScheduleRunner.EnsureDefault("console");
        _secondAlerting.ScheduleRunner.EnsureDefault("console");
        await PollBothAsync();
        _f.Clock.Advance(TimeSpan.FromDays(1));

        var runs = await Task.WhenAll(Task.Run(() => _f.Alerting.ScheduleRunner.RunDueAsync(CancellationToken.None)),
            Task.Run(() => _secondAlerting.ScheduleRunner.RunDueAsync(CancellationToken.None)));
        var again = await Task.WhenAll(Task.Run(() => _f.Alerting.ScheduleRunner.RunDueAsync(CancellationToken.None)),
            Task.Run(() => _secondAlerting.ScheduleRunner.RunDueAsync(CancellationToken.None)));

        Assert.Single(runs.Concat(again).SelectMany(r => r), r => r.Schedule.Id == schedule.Id && !r.Skipped && r.Error is null);
        Assert.Single(_f.Alerting.Deliveries.List(), d => d.Kind == "brief");
    }

    [Fact]
    public async Task SendDue_OfADeliveryADeadWorkerClaimed_WaitsForTheLease_ThenTheOtherWorkerSendsIt()
    {
        var now = _f.Clock.GetUtcNow();
        var id = _f.Alerting.Deliveries.Add(new Delivery
        {
            Destination = "console", Kind = "alert", IdempotencyKey = "dead-worker-test", Payload = "{\"articles\":[]}", Text = "left by a dead worker", Created = now,
        })!.Value;
        Assert.True(_f.Alerting.Deliveries.TryClaim(id, now, now + _secondAlerting.Dispatcher.Lease)); // then killed

        var before = await _secondAlerting.Dispatcher.SendDueAsync(CancellationToken.None);
        _f.Clock.Advance(_secondAlerting.Dispatcher.Lease);
        var after = await _secondAlerting.Dispatcher.SendDueAsync(CancellationToken.None);

        Assert.Equal((0, 1), (before.Sent, after.Sent));
        Assert.Equal(DeliveryStatus.Sent, _f.Alerting.Deliveries.Get(id)!.Status);
    }

    private async Task PollBothAsync() => await Task.WhenAll(
        Task.Run(() => _f.Services.Refresh.PollAsync(_f.Services.Config.Sources, dueOnly: true, CancellationToken.None)),
        Task.Run(() => _second.Refresh.PollAsync(_second.Config.Sources, dueOnly: true, CancellationToken.None)));

    private IEnumerable<int> FetchCounts()
    {
        var requests = _f.Server.Requests.GroupBy(r => r.PathAndQuery).ToDictionary(g => g.Key, g => g.Count());
        return Enumerable.Range(0, Feeds).Select(i => requests.GetValueOrDefault($"/feed{i}.xml"));
    }

    private IEnumerable<string> ConsoleAlerts() => _f.ConsoleLines.Concat(
        _secondConsole.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public async Task DisposeAsync()
    {
        _secondHost.Dispose();
        await _f.DisposeAsync();
    }
}
