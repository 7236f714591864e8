using System.Diagnostics;
using NewsBrief.Bot.Alerts;
using NewsBrief.Bot.Deliveries;
using NewsBrief.Core.Domain;
using NewsBrief.Core.Query;
using NewsBrief.Core.Storage;

namespace NewsBrief.Benchmarks;

/// <summary>
/// The alert stage end to end on a real SQLite file: the real articles of <see cref="AlertCorpus"/>
/// (cycled to the article count, each under its own URL) scanned against subscriptions from
/// <see cref="AlertQueryGenerator"/> (matching through the subscription index, story grouping, alert
/// and outbox rows and the watermark committed per batch), then the outbox sent to a console that
/// discards it. Beside it, in the same run, matching alone: the same articles tokenised and matched
/// against the same subscriptions, nothing read or written.
/// </summary>
public sealed class AlertScanBenchmark : IBenchmark
{
    public string Name => "alert-scan";
    public string Description => "alert scan + outbox vs matching alone: ARTICLES against 100 / 10,000 / 100,000 subscriptions (args: articles sizes...)";

    public async Task<int> RunAsync(string[] args)
    {
        var articles = args.Length > 0 ? int.Parse(args[0]) : 2000;
        var sizes = args.Length > 1 ? args.Skip(1).Select(int.Parse).ToArray() : [100, 10_000, 100_000];
        var corpus = AlertCorpus.Load();
        Console.WriteLine($"documents: {corpus.Documents.Count} ({corpus.Description}), cycled to {articles:N0} articles");
        Console.WriteLine($"queries: {AlertQueryGenerator.Mix}");
        Console.WriteLine();
        Console.WriteLine("| subscriptions | articles | matches | median share | matching alone articles/s | scan + outbox s | articles/s | matches/s | ratio to matching | alerts queued | held for digest | send s | deliveries/s | scan allocated MB | peak working set MB |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var subs in sizes)
        {
            var dir = Path.Combine(Path.GetTempPath(), "newsbrief-bench-" + Guid.NewGuid().ToString("N"));
            try
            {
                await RunOneAsync(dir, corpus, articles, subs);
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                try { Directory.Delete(dir, true); } catch (IOException) { }
            }
        }
        Console.WriteLine();
        Console.WriteLine("Share: the part of the articles a subscription matches (median over the subscriptions). Daily cap 20 alerts per subscription; past it matches wait for the digest.");
        return 0;
    }

    private static async Task RunOneAsync(string dir, AlertCorpus corpus, int articleCount, int subscriptionCount)
    {
        var db = NewsBriefDatabase.Open(dir);
        var subscriptions = new SubscriptionStore(db);
        var now = DateTimeOffset.UtcNow;
        var generator = new AlertQueryGenerator(corpus.Documents, subscriptionCount);
        // One transaction for all of them: 100,000 added one by one (a commit each) took longer than the scan.
        subscriptions.AddMany(Enumerable.Range(0, subscriptionCount).Select(i => new Subscription
        {
            Owner = $"user{i % 500}", Query = generator.Next().Text, Destination = "console", Created = now, DailyCap = 20,
        }).ToList());
        var sources = corpus.Documents.Select(d => d.Source).Distinct().Select(id => new Source
        {
            Id = id, Name = corpus.Documents.First(d => d.Source == id).SourceName ?? id, Url = new Uri($"https://news.example/{Uri.EscapeDataString(id)}.xml"),
        }).ToList();
        var store = new ArticleStore(db);
        var stored = Enumerable.Range(0, articleCount).Select(i =>
        {
            var doc = corpus.Documents[i % corpus.Documents.Count];
            return new Article
            {
                SourceId = doc.Source, Url = $"https://news.example/{i}", CanonicalUrl = $"https://news.example/{i}",
                Title = doc.Title, Description = doc.Title, Text = doc.Body, Published = now.AddMinutes(-i), Fetched = now, ContentHash = i.ToString(),
            };
        }).ToList();
        for (var batch = 0; batch < stored.Count; batch += 500) store.Upsert(stored.Skip(batch).Take(500).ToList());
        var composer = new AlertComposer(() => sources);
        var alerts = new AlertStore(db);
        var scanner = new AlertScanner(store, subscriptions, alerts, composer, new AlertOptions(), TimeZoneInfo.Utc, TimeProvider.System);

        // Matching alone: the same articles, read once beforehand, tokenised and matched; nothing stored.
        var matcher = new SubscriptionMatcher();
        matcher.Sync(subscriptions.List());
        var toMatch = store.After(0, articleCount);
        long matches = 0;
        var hits = new Dictionary<long, int>();
        double matchingAlone = 0;
        var clock = new Stopwatch();
        // Twice, keeping the faster pass: the first also pays for the JIT, which the scan after it then finds done.
        for (var pass = 0; pass < 2; pass++)
        {
            clock.Restart();
            foreach (var article in toMatch)
            {
                foreach (var id in matcher.Match(composer.Terms(article)))
                {
                    if (pass > 0) continue;
                    matches++;
                    hits[id] = hits.GetValueOrDefault(id) + 1;
                }
            }
            matchingAlone = Math.Max(matchingAlone, toMatch.Count / clock.Elapsed.TotalSeconds);
        }
        var shares = Enumerable.Range(0, subscriptionCount).Select(i => 0).ToArray();
        var k = 0;
        foreach (var count in hits.Values) shares[k++] = count;
        Array.Sort(shares);
        var medianShare = shares[shares.Length / 2] / (double)toMatch.Count;

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        clock.Restart();
        var report = scanner.Scan();
        var scan = clock.Elapsed;
        var allocatedMb = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1048576.0;
        var deliveries = new DeliveryStore(db);
        var dispatcher = new DeliveryDispatcher(deliveries, [new ConsoleSender(TextWriter.Null, json: true)], new DeliveryOptions(), TimeProvider.System);
        clock.Restart();
        var sent = 0;
        for (var pass = await dispatcher.SendDueAsync(CancellationToken.None); pass.Sent > 0; pass = await dispatcher.SendDueAsync(CancellationToken.None)) sent += pass.Sent;
        var send = clock.Elapsed;
        var rate = report.ArticlesScanned / scan.TotalSeconds;
        var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0;
        Console.WriteLine(
            $"| {subscriptionCount:N0} | {report.ArticlesScanned:N0} | {matches:N0} | {medianShare:P2} | {matchingAlone:N0} | {scan.TotalSeconds:0.00} | {rate:N0} | {matches / scan.TotalSeconds:N0} | " +
            $"{rate / matchingAlone:0.00}x | {report.Alerts:N0} | {report.HeldForDigest:N0} | {send.TotalSeconds:0.00} | {sent / Math.Max(send.TotalSeconds, 0.001):N0} | {allocatedMb:N0} | {peakMb:N0} |");
    }
}
