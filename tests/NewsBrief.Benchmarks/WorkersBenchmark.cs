using System.Diagnostics;
using System.Net;
using System.Text;
using NewsBrief.Bot.Alerts;
using NewsBrief.Core.Domain;
using NewsBrief.Core.Storage;
using NewsBrief.Scrapers.Fetching;
using NewsBrief.Scrapers.Refresh;

namespace NewsBrief.Benchmarks;

/// <summary>
/// Several workers on one store. (1) One poll cycle of N healthy local feeds (20 new items each, stories
/// assigned) by 1, 2 and 4 workers on PostgreSQL beside 1 on SQLite: each worker is a refresh pipeline with its
/// own connection pool and HTTP client, polling due sources only, so the workers split the feeds through their
/// claims. (2) The alert scan, articles/s with 10,000 subscriptions, on both. PostgreSQL from
/// <c>--pg CONNECTION-STRING</c> or NEWSBRIEF_TEST_PG (each run in a fresh database); without it, SQLite only.
/// </summary>
public sealed class WorkersBenchmark : IBenchmark
{
    public string Name => "workers";
    public string Description => "poll cycle of 2,000 feeds by 1/2/4 workers on PostgreSQL beside 1 on SQLite; alert scan with 10,000 subscriptions on both";

    public async Task<int> RunAsync(string[] args)
    {
        var feeds = Option(args, "--feeds") is { } f ? int.Parse(f) : 2000;
        var subscriptions = Option(args, "--subscriptions") is { } s ? int.Parse(s) : 10_000;
        var articles = Option(args, "--articles") is { } a ? int.Parse(a) : 5000;
        var pg = Option(args, "--pg") ?? Environment.GetEnvironmentVariable("NEWSBRIEF_TEST_PG");
        var stores = new List<(string Name, int Workers)> { ("sqlite", 1) };
        if (!string.IsNullOrWhiteSpace(pg)) stores.AddRange([("postgres", 1), ("postgres", 2), ("postgres", 4)]);
        else Console.Error.WriteLine("no PostgreSQL (--pg or NEWSBRIEF_TEST_PG): SQLite only");

        using var server = new FeedServer();
        Console.WriteLine($"Poll cycle, {feeds:N0} feeds x 20 new items, stories assigned:");
        Console.WriteLine();
        Console.WriteLine("| store | workers | wall s | feeds/s | new articles | feeds per worker |");
        Console.WriteLine("|---|---:|---:|---:|---:|---|");
        foreach (var (store, workers) in stores)
        {
            using var place = new StorePlace(store, pg);
            await PollCycleAsync(place, workers, feeds, server);
        }
        Console.WriteLine();
        Console.WriteLine($"Alert scan, {articles:N0} articles against {subscriptions:N0} subscriptions:");
        Console.WriteLine();
        Console.WriteLine("| store | scan s | articles/s | alerts queued | held for digest |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var store in stores.Select(s => s.Name).Distinct())
        {
            using var place = new StorePlace(store, pg);
            AlertScan(place, articles, subscriptions);
        }
        return 0;
    }

    private static async Task PollCycleAsync(StorePlace place, int workers, int feeds, FeedServer server)
    {
        var options = new FetchOptions { Timeout = TimeSpan.FromSeconds(10), FetchArticlePages = false };
        var sources = Enumerable.Range(0, feeds).Select(i => new Source
        {
            Id = $"feed-{i}", Name = $"Feed {i}", Url = new Uri($"http://127.0.0.{1 + i % 50}:{server.Port}/{place.Run}/{i}.xml"),
        }).ToList();
        place.Open().Dispose(); // migrate once, before the clock starts
        var pipelines = Enumerable.Range(0, workers).Select(_ =>
        {
            var db = place.Open();
            var http = new HttpClient(HttpFetcher.CreateHandler(options)) { Timeout = Timeout.InfiniteTimeSpan };
            return (Db: db, Http: http, Pipeline: new RefreshPipeline(new HttpFetcher(http, options), new ArticleStore(db), new SourceStateStore(db), options, TimeProvider.System)
            {
                MaxConcurrentSources = 16,
            });
        }).ToList();
        try
        {
            var clock = Stopwatch.StartNew();
            var reports = await Task.WhenAll(pipelines.Select(p => Task.Run(() => p.Pipeline.PollAsync(sources, dueOnly: true, CancellationToken.None))));
            clock.Stop();
            var polled = reports.Sum(r => r.Count);
            if (polled != feeds) Console.Error.WriteLine($"  {place.Name} x{workers}: {polled} polls for {feeds} feeds");
            var failed = reports.SelectMany(r => r).Where(r => r.Failed).ToList();
            if (failed.Count > 0) Console.Error.WriteLine($"  {failed.Count} failed, e.g. {failed[0].Outcome}: {failed[0].Error}");
            Console.WriteLine($"| {place.Name} | {workers} | {clock.Elapsed.TotalSeconds:0.00} | {feeds / clock.Elapsed.TotalSeconds:0} | {reports.Sum(r => r.Sum(x => x.Inserted)):N0} | {string.Join(" / ", reports.Select(r => r.Count))} |");
        }
        finally
        {
            foreach (var p in pipelines)
            {
                p.Http.Dispose();
                p.Db.Dispose();
            }
        }
    }

    /// <summary>As the alert-scan benchmark: synthetic titles from a 1,000-word vocabulary; 90% of queries "a AND b", 10% "a OR b".</summary>
    private static void AlertScan(StorePlace place, int articleCount, int subscriptionCount)
    {
        var random = new Random(11);
        var words = Enumerable.Range(0, 1000).Select(i => $"w{i:x}{(char)('a' + i % 26)}ord").ToArray();
        using var db = place.Open();
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
        var scanner = new AlertScanner(store, subscriptions, new AlertStore(db), new AlertComposer(() => sources), new AlertOptions(), TimeZoneInfo.Utc, TimeProvider.System);
        var clock = Stopwatch.StartNew();
        var report = scanner.Scan();
        clock.Stop();
        Console.WriteLine($"| {place.Name} | {clock.Elapsed.TotalSeconds:0.00} | {report.ArticlesScanned / clock.Elapsed.TotalSeconds:N0} | {report.Alerts:N0} | {report.HeldForDigest:N0} |");
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    /// <summary>A fresh store for one measurement: a SQLite file in a temp folder, or a new PostgreSQL database; removed after.</summary>
    private sealed class StorePlace : IDisposable
    {
        private readonly string _dir = Path.Combine(Path.GetTempPath(), "newsbrief-bench-" + Guid.NewGuid().ToString("N"));
        private readonly string? _admin;
        private readonly string? _database;

        public StorePlace(string name, string? pg)
        {
            Name = name;
            Run = Guid.NewGuid().ToString("N")[..8];
            if (name != "postgres") return;
            _admin = pg;
            _database = "nbbench_" + Run;
            Admin($"CREATE DATABASE {_database}");
        }

        public string Name { get; }

        /// <summary>A per-measurement path segment, so the feed URLs (and canonical URLs) differ between runs.</summary>
        public string Run { get; }

        public NewsBriefDatabase Open() => _database is null
            ? NewsBriefDatabase.Open(_dir)
            : NewsBriefDatabase.OpenPostgres(new Npgsql.NpgsqlConnectionStringBuilder(_admin) { Database = _database }.ConnectionString);

        private void Admin(string sql)
        {
            using var connection = new Npgsql.NpgsqlConnection(_admin);
            connection.Open();
            using var cmd = new Npgsql.NpgsqlCommand(sql, connection);
            cmd.ExecuteNonQuery();
        }

        public void Dispose()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (_database is not null)
            {
                Npgsql.NpgsqlConnection.ClearAllPools();
                Admin($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
            }
            try { Directory.Delete(_dir, true); } catch (IOException) { }
        }
    }

    /// <summary>Healthy RSS feeds of 20 items each on 127.0.0.1-50 (separate hosts for the per-host limit).</summary>
    private sealed class FeedServer : IDisposable
    {
        private readonly HttpListener _listener = new();

        public FeedServer()
        {
            Port = 20000 + Random.Shared.Next(20000);
            _listener.Prefixes.Add($"http://+:{Port}/");
            _listener.Start();
            _ = Task.Run(LoopAsync);
        }

        public int Port { get; }

        private async Task LoopAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext ctx;
                try { ctx = await _listener.GetContextAsync(); } catch (Exception) { return; }
                _ = Task.Run(() => HandleAsync(ctx));
            }
        }

        private static async Task HandleAsync(HttpListenerContext ctx)
        {
            try
            {
                var path = ctx.Request.Url!.AbsolutePath;
                var xml = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Bench</title>");
                for (var i = 0; i < 20; i++)
                    xml.Append($"<item><title>Story {i} of {path} on budget talks</title><link>https://news.example{path}/{i}</link><description>Ministers met on Tuesday to discuss item {i} of {path}. Talks continue.</description><pubDate>Thu, 26 Nov 2026 08:{i:00}:00 GMT</pubDate></item>");
                var bytes = Encoding.UTF8.GetBytes(xml.Append("</channel></rss>").ToString());
                ctx.Response.ContentType = "application/rss+xml";
                ctx.Response.ContentLength64 = bytes.Length;
                await ctx.Response.OutputStream.WriteAsync(bytes);
                ctx.Response.Close();
            }
            catch (Exception) { /* client gave up */ }
        }

        public void Dispose() => _listener.Close();
    }
}
