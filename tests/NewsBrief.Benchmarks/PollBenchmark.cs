using System.Diagnostics;
using System.Net;
using System.Text;
using NewsBrief.Core.Domain;
using NewsBrief.Core.Storage;
using NewsBrief.Scrapers.Fetching;
using NewsBrief.Scrapers.Refresh;

namespace NewsBrief.Benchmarks;

/// <summary>
/// One poll cycle over N feeds served from loopback (spread over 127.0.0.1-50 as separate hosts): most
/// healthy, some slow (past the timeout), some failing with 500, some serving HTML; then a second
/// cycle where every healthy feed answers 304. Wall time, peak memory and allocations for each N.
/// </summary>
public sealed class PollBenchmark : IBenchmark
{
    public string Name => "poll";
    public string Description => "poll cycles over 200 and 2,000 local feeds (304s, slow and failing hosts mixed in)";

    public async Task<int> RunAsync(string[] args)
    {
        var sizes = args.Length > 0 ? args.Select(int.Parse).ToArray() : [200, 2000];
        using var server = new Server();
        Console.WriteLine("| feeds | stories | cycle | wall s | feeds/s | ok | 304 | failed | new articles | peak working set MiB | allocated MiB |");
        Console.WriteLine("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var n in sizes)
        foreach (var assign in new[] { false, true })
        {
            var dir = Path.Combine(Path.GetTempPath(), "newsbrief-bench-" + Guid.NewGuid().ToString("N"));
            try
            {
                var options = new FetchOptions { Timeout = TimeSpan.FromSeconds(1), FetchArticlePages = false };
                using var http = new HttpClient(HttpFetcher.CreateHandler(options)) { Timeout = Timeout.InfiniteTimeSpan };
                var db = NewsBriefDatabase.Open(dir);
                var pipeline = new RefreshPipeline(new HttpFetcher(http, options), new ArticleStore(db), new SourceStateStore(db), options, TimeProvider.System) { MaxConcurrentSources = 32, AssignStories = assign };
                var sources = Enumerable.Range(0, n).Select(i => new Source
                {
                    Id = $"feed-{i}", Name = $"Feed {i}", Url = new Uri($"http://127.0.0.{1 + i % 50}:{server.Port}/{Server.Kind(i)}/{i}.xml"),
                }).ToList();
                foreach (var cycle in new[] { "first", "second (304)" })
                {
                    GC.Collect();
                    var allocated = GC.GetTotalAllocatedBytes(precise: true);
                    var peak = new PeakSampler();
                    var clock = Stopwatch.StartNew();
                    var reports = await pipeline.PollAsync(sources, dueOnly: false, CancellationToken.None);
                    clock.Stop();
                    peak.Stop();
                    foreach (var g in reports.GroupBy(r => r.Outcome))
                        Console.Error.WriteLine($"  {cycle} {g.Key}: n={g.Count()} avg={g.Average(r => r.Elapsed.TotalMilliseconds):0} ms max={g.Max(r => r.Elapsed.TotalMilliseconds):0} ms");
                    Console.WriteLine($"| {n} | {(assign ? "assigned" : "off")} | {cycle} | {clock.Elapsed.TotalSeconds:0.00} | {n / clock.Elapsed.TotalSeconds:0} | {reports.Count(r => r.Outcome == "ok")} | {reports.Count(r => r.Outcome == "not-modified")} | {reports.Count(r => r.Failed)} | {reports.Sum(r => r.Inserted)} | {peak.PeakMiB:0} | {(GC.GetTotalAllocatedBytes(true) - allocated) / 1048576.0:0} |");
                }
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            }
            finally
            {
                try { Directory.Delete(dir, true); } catch (IOException) { }
            }
        }
        return 0;
    }

    /// <summary>Samples the process working set every 20 ms.</summary>
    private sealed class PeakSampler
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;
        private long _peak;

        public PeakSampler() => _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                _peak = Math.Max(_peak, Process.GetCurrentProcess().WorkingSet64);
                try { await Task.Delay(20, _stop.Token); } catch (OperationCanceledException) { }
            }
        });

        public double PeakMiB => _peak / 1048576.0;

        public void Stop()
        {
            _stop.Cancel();
            _loop.Wait();
        }
    }

    /// <summary>The feed server: /ok/ feeds (ETag, 304 on match), /slow/ (3 s), /fail/ (500), /html/ (a web page).</summary>
    private sealed class Server : IDisposable
    {
        private readonly HttpListener _listener = new();

        public Server()
        {
            Port = 20000 + Random.Shared.Next(20000);
            _listener.Prefixes.Add($"http://+:{Port}/");
            _listener.Start();
            _ = Task.Run(LoopAsync);
        }

        public int Port { get; }

        public static string Kind(int i) => (i % 20) switch { 0 => "slow", 1 => "fail", 2 => "html", _ => "ok" };

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
                var kind = path.Split('/')[1];
                if (kind == "slow") await Task.Delay(3000);
                if (kind == "fail") { ctx.Response.StatusCode = 500; ctx.Response.Close(); return; }
                var etag = $"\"{path}\"";
                if (kind == "ok" && ctx.Request.Headers["If-None-Match"] == etag) { ctx.Response.StatusCode = 304; ctx.Response.Close(); return; }
                var body = kind == "html" ? "<!DOCTYPE html><html><body>home</body></html>" : Feed(path);
                var bytes = Encoding.UTF8.GetBytes(body);
                ctx.Response.ContentType = kind == "html" ? "text/html" : "application/rss+xml";
                ctx.Response.Headers["ETag"] = etag;
                ctx.Response.ContentLength64 = bytes.Length;
                await ctx.Response.OutputStream.WriteAsync(bytes);
                ctx.Response.Close();
            }
            catch (Exception) { /* client gave up (timeout) */ }
        }

        private static string Feed(string path)
        {
            var xml = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Bench</title>");
            for (var i = 0; i < 20; i++)
                xml.Append($"<item><title>Story {i} of {path}</title><link>https://news.example{path}/{i}</link><description>Ministers met on Tuesday to discuss item {i}. Talks continue.</description><pubDate>Thu, 26 Nov 2026 08:{i:00}:00 GMT</pubDate></item>");
            return xml.Append("</channel></rss>").ToString();
        }

        public void Dispose() => _listener.Close();
    }
}
