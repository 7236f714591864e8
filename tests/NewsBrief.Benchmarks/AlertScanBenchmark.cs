using System.Diagnostics;
using NewsBrief.Bot.Alerts;
using NewsBrief.Bot.Deliveries;
using NewsBrief.Core.Domain;
using NewsBrief.Core.Storage;

namespace NewsBrief.Benchmarks;

/// <summary>
/// The alert stage end to end on a real SQLite file: N stored articles scanned against M subscriptions
/// (matching through the subscription index, story grouping, outbox rows and watermark committed per
/// batch), then the outbox sent to a console that discards it. Synthetic titles from a 1,000-word
/// vocabulary; 90% of queries are "a AND b", 10% "a OR b".
/// </summary>
public sealed class AlertScanBenchmark : IBenchmark
{
    public string Name => "alert-scan";
    public string Description => "alert scan and outbox send: 5,000 articles against 100 / 1,000 / 10,000 subscriptions";

    public async Task<int> RunAsync(string[] args)
    {
        var articles = args.Length > 0 ? int.Parse(args[0]) : 5000;
        var sizes = args.Length > 1 ? args.Skip(1).Select(int.Parse).ToArray() : [100, 1000, 10000];
        Console.WriteLine("| subscriptions | articles | scan s | articles/s | alerts queued | held for digest | send s | deliveries/s |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var subs in sizes)
        {
            var dir = Path.Combine(Path.GetTempPath(), "newsbrief-bench-" + Guid.NewGuid().ToString("N"));
            try
            {
                await RunOneAsync(dir, articles, subs);
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                try { Directory.Delete(dir, true); } catch (IOException) { }
            }
        }
        return 0;
    }

    private static async Task RunOneAsync(string dir, int articleCount, int subscriptionCount)
    {
        var random = new Random(11);
        var words = Enumerable.Range(0, 1000).Select(i => $"w{i:x}{(char)('a' + i % 26)}ord").ToArray();
        var db = NewsBriefDatabase.Open(dir);
        var subscriptions = new SubscriptionStore(db);
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < subscriptionCount; i++)
        {
            var a = words[random.Next(words.Length)];
            var b = words[random.Next(words.Length)];
            subscriptions.Add(new Subscription
            {
                Owner = $"user{i % 500}", Query = random.Next(10) == 0 ? $"{a} OR {b}" : $"{a} AND {b}", Destination = "console", Created = now, DailyCap = 20,
            });
        }
        var store = new ArticleStore(db);
        for (var batch = 0; batch < articleCount; batch += 500)
        {
            store.Upsert(Enumerable.Range(batch, Math.Min(500, articleCount - batch)).Select(i =>
            {
                var title = string.Join(' ', Enumerable.Range(0, 8).Select(_ => words[random.Next(words.Length)]));
                return new Article
                {
                    SourceId = $"source-{i % 30}", Url = $"https://news.example/{i}", CanonicalUrl = $"https://news.example/{i}",
                    Title = title, Description = title, Published = now.AddMinutes(-i), Fetched = now, ContentHash = i.ToString(),
                };
            }).ToList());
        }
        var sources = Enumerable.Range(0, 30).Select(i => new Source { Id = $"source-{i}", Name = $"Source {i}", Url = new Uri($"https://news.example/{i}.xml") }).ToList();
        var alerts = new AlertStore(db);
        var scanner = new AlertScanner(store, subscriptions, alerts, new AlertComposer(() => sources), new AlertOptions(), TimeZoneInfo.Utc, TimeProvider.System);

        var clock = Stopwatch.StartNew();
        var report = scanner.Scan();
        var scan = clock.Elapsed;
        var deliveries = new DeliveryStore(db);
        var dispatcher = new DeliveryDispatcher(deliveries, [new ConsoleSender(TextWriter.Null, json: true)], new DeliveryOptions(), TimeProvider.System);
        clock.Restart();
        var sent = 0;
        for (var pass = await dispatcher.SendDueAsync(CancellationToken.None); pass.Sent > 0; pass = await dispatcher.SendDueAsync(CancellationToken.None)) sent += pass.Sent;
        var send = clock.Elapsed;
        Console.WriteLine($"| {subscriptionCount:N0} | {report.ArticlesScanned:N0} | {scan.TotalSeconds:0.00} | {report.ArticlesScanned / scan.TotalSeconds:N0} | {report.Alerts:N0} | {report.HeldForDigest:N0} | {send.TotalSeconds:0.00} | {sent / Math.Max(send.TotalSeconds, 0.001):N0} |");
    }
}
