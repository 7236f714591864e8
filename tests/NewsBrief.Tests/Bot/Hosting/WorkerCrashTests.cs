using System.Collections.Concurrent;
using System.Text.Json;
using NewsBrief.Bot.Alerts;
using NewsBrief.Core.Domain;
using NewsBrief.Core.Storage;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Bot.Hosting;

/// <summary>
/// <c>run</c> workers as real child processes on one store, fed by a local feed server that logs every request
/// and alerting a local webhook receiver; one worker is killed with SIGKILL at random moments and restarted,
/// several times. Every alert arrives, none twice under different keys (a resend of the same key is allowed),
/// a source is fetched again within its interval only after a kill and its claim's lease, and each occurrence of
/// the scheduled brief arrives once.
/// </summary>
public sealed class WorkerCrashTests : IAsyncLifetime
{
    private const int Tags = 50;
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    // Fetch:Timeout 5 s, no page fetches: RefreshPipeline.DefaultClaimLease = 2 x 5 s + 15 s.
    private static readonly TimeSpan ClaimLease = TimeSpan.FromSeconds(25);
    private static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(5);

    private readonly TempDirectory _dir = new();
    private readonly LocalHttpServer _server = new();
    private readonly ConcurrentQueue<(string Path, DateTimeOffset At)> _fetches = new();
    private readonly ConcurrentQueue<(string Path, JsonElement Body)> _posts = new();
    private readonly List<DateTimeOffset> _kills = [];
    private TestConfigFolder _config = null!;
    private string Data => Path.Combine(_dir.Path, "data");

    private const string Settings = """
        { "Fetch": { "Timeout": "00:00:05", "PageTimeout": "00:00:05", "FetchArticlePages": false },
          "Brief": { "TimeZone": "UTC" }, "Web": { "Urls": "" },
          "Service": { "PollTick": "00:00:05" }, "Schedules": { "Tick": "00:00:02" },
          "Alerts": { "DailyCap": 1000 }, "Deliveries": { "RetryDelay": "00:00:01", "MaxRetryDelay": "00:00:05" } }
        """;

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Run_OnSqlite_KilledAtRandomMomentsAndRestarted_DeliversEveryAlertOnce_AndFetchesEachSourceOncePerInterval() =>
        await KillAndRestartAsync(feeds: 150, subscriptions: 100, workers: 1, environment: null, () => NewsBriefDatabase.Open(Data));

    [PostgresFact]
    public async Task Run_ThreeWorkersOnPostgres_OneKilledAtRandomMomentsAndRestarted_DeliversEveryAlertOnce_AndFetchesEachSourceOncePerInterval()
    {
        using var database = TestPostgres.CreateDatabase();
        var environment = new Dictionary<string, string>
        {
            ["NewsBrief__Storage__Provider"] = "postgres",
            ["NewsBrief__Storage__ConnectionString"] = database.ConnectionString,
        };
        await KillAndRestartAsync(feeds: 300, subscriptions: 200, workers: 3, environment, () => NewsBriefDatabase.OpenPostgres(database.ConnectionString));
    }

    private async Task KillAndRestartAsync(int feeds, int subscriptions, int workers, IReadOnlyDictionary<string, string>? environment, Func<NewsBriefDatabase> open)
    {
        Serve(feeds);
        HashSet<string> expected;
        long briefScheduleId;
        using (var setup = open()) (expected, briefScheduleId) = Prepare(feeds, subscriptions, setup);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var started = DateTimeOffset.UtcNow;
        var running = Enumerable.Range(0, workers).Select(_ => Start(environment)).ToArray();
        try
        {
            foreach (var w in running) await w.WaitForLineAsync("newsbrief: running with", TimeSpan.FromSeconds(60));
            var random = new Random();
            for (var kill = 0; kill < 4; kill++)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(random.Next(2_000, 9_000)));
                running[0].KillHard();
                lock (_kills) _kills.Add(DateTimeOffset.UtcNow);
                running[0].Dispose();
                running[0] = Start(environment);
                await running[0].WaitForLineAsync("newsbrief: running with", TimeSpan.FromSeconds(60));
            }
            // Then until every alert and at least one brief is in, within the test's budget.
            var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(90);
            while (DateTimeOffset.UtcNow < deadline && (!expected.IsSubsetOf(AlertPairs()) || BriefKeys().Count == 0))
                await Task.Delay(500);
        }
        finally
        {
            foreach (var w in running) w.Dispose();
        }

        var received = AlertPairs();
        var missing = expected.Except(received).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} of {expected.Count} alerts never arrived, e.g. {string.Join(", ", missing.Take(5))}\n{running[0].Output}");
        Assert.Equal(expected.Count, received.Count);
        Assert.Empty(PairsUnderTwoKeys());
        AssertFetchedOncePerInterval();
        var briefs = BriefKeys();
        Assert.NotEmpty(briefs);
        Assert.All(briefs, k => Assert.StartsWith($"brief:{briefScheduleId}:", k));
        Assert.True(DateTimeOffset.UtcNow - started < TimeSpan.FromMinutes(3));
    }

    /// <summary>Feed i carries one article tagged tag(i mod 50); each answer is logged with its time.</summary>
    private void Serve(int feeds)
    {
        var now = DateTimeOffset.UtcNow;
        var sources = new List<object>();
        for (var i = 0; i < feeds; i++)
        {
            var path = $"/f{i}.xml";
            var body = new RssBuilder().Item($"Council hearing {i} on tag{i % Tags} funding", ArticleUrl(i), $"Hearing number {i} discussed tag{i % Tags}.", now.AddMinutes(-i % 30)).Build($"Feed {i}");
            _server.Map(path, async ctx =>
            {
                _fetches.Enqueue((path, DateTimeOffset.UtcNow));
                await LocalHttpServer.WriteAsync(ctx, 200, body, "application/rss+xml");
            });
            sources.Add(new { Id = $"f{i}", Name = $"Feed {i}", Kind = "feed", Url = _server.Url(path).ToString(), Topics = new[] { "news" }, PollInterval = Interval.ToString() });
        }
        _server.Map("/hook", async ctx =>
        {
            using var reader = new StreamReader(ctx.Request.InputStream);
            var text = await reader.ReadToEndAsync();
            _posts.Enqueue((ctx.Request.Url!.Query, JsonDocument.Parse(text).RootElement.Clone()));
            await LocalHttpServer.WriteAsync(ctx, 204, "", "text/plain");
        });
        _config = new TestConfigFolder(Path.Combine(_dir.Path, "config")).WriteSettings(Settings).WriteTopics()
            .Write("sources.json", JsonSerializer.Serialize(new { Sources = sources }));
    }

    /// <summary>Subscription k follows tag(k mod 50) to the webhook ?s=k; a brief every minute goes to ?brief. Returns the (subscription, article) pairs due.</summary>
    private (HashSet<string> Expected, long BriefScheduleId) Prepare(int feeds, int subscriptions, NewsBriefDatabase db)
    {
        var store = new SubscriptionStore(db);
        var options = new AlertOptions { DailyCap = 1000 };
        var expected = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k < subscriptions; k++)
        {
            SubscriptionRequest.Add(store, options, $"user{k}", $"tag{k % Tags}", $"webhook:{_server.Url($"/hook?s={k}")}", "instant", null, DateTimeOffset.UtcNow);
            for (var i = k % Tags; i < feeds; i += Tags) expected.Add($"{k}|{ArticleUrl(i)}");
        }
        var schedule = new ScheduleStore(db).Set(new BriefSchedule
        {
            Destination = $"webhook:{_server.Url("/hook?brief")}", Cron = "* * * * *", TimeZone = "UTC", Origin = "user", Created = DateTimeOffset.UtcNow,
        });
        return (expected, schedule.Id);
    }

    private RunningProcess Start(IReadOnlyDictionary<string, string>? environment) =>
        RunningProcess.Start(environment, "run", "--config", _config.Path, "--data", Data);

    private static string ArticleUrl(int i) => $"https://council.example/hearing/{i}";

    private IEnumerable<(string Key, string Subscription, string Url)> AlertArticles() =>
        _posts.Where(p => p.Path.StartsWith("?s=", StringComparison.Ordinal) && p.Body.GetProperty("kind").GetString() == "alert")
            .SelectMany(p => p.Body.GetProperty("content").GetProperty("articles").EnumerateArray()
                .Select(a => (p.Body.GetProperty("idempotencyKey").GetString()!, p.Path[3..], a.GetProperty("url").GetString()!)));

    private HashSet<string> AlertPairs() => AlertArticles().Select(a => $"{a.Subscription}|{a.Url}").ToHashSet(StringComparer.Ordinal);

    /// <summary>Pairs that came in two deliveries with different keys: a true duplicate, not a resend.</summary>
    private List<string> PairsUnderTwoKeys() => AlertArticles().GroupBy(a => $"{a.Subscription}|{a.Url}")
        .Where(g => g.Select(a => a.Key).Distinct().Count() > 1).Select(g => g.Key).ToList();

    private List<string> BriefKeys() => _posts.Where(p => p.Path == "?brief").Select(p => p.Body.GetProperty("idempotencyKey").GetString()!).Distinct().ToList();

    /// <summary>
    /// Within its interval a source is fetched again only when a kill fell between the two fetches (the first
    /// worker died before recording the poll), and then no sooner than the claim's lease (less a fetch timeout: the
    /// log has arrival times, the lease starts at the claim).
    /// </summary>
    private void AssertFetchedOncePerInterval()
    {
        var slack = TimeSpan.FromSeconds(2);
        foreach (var source in _fetches.GroupBy(f => f.Path))
        {
            var times = source.Select(f => f.At).Order().ToList();
            for (var n = 1; n < times.Count; n++)
            {
                var (first, second) = (times[n - 1], times[n]);
                if (second - first >= Interval - slack) continue;
                bool killedBetween;
                lock (_kills) killedBetween = _kills.Any(k => k > first && k < second);
                // The lease runs from the claim, and the server logs the request when it arrives: on a loaded machine
                // that was 4.6 s after the claim once (a store read comes between). A request that arrives later than a
                // fetch timeout after its claim has timed out, so the lease is checked from the log less that timeout.
                Assert.True(killedBetween && second - first >= ClaimLease - FetchTimeout - slack,
                    $"{source.Key} was fetched at {first:HH:mm:ss.fff} and again at {second:HH:mm:ss.fff} ({(second - first).TotalSeconds:0.0} s apart){(killedBetween ? ", before its claim's lease ended" : " with no kill in between")}");
            }
        }
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _dir.Dispose();
    }
}
