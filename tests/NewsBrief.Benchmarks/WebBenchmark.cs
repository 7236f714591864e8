using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NewsBrief.Bot.Composition;
using NewsBrief.Bot.Configuration;
using NewsBrief.Bot.Rendering;
using NewsBrief.Bot.Web;
using NewsBrief.Bot.Web.Pages;
using NewsBrief.Core.Domain;
using NewsBrief.Core.Storage;

namespace NewsBrief.Benchmarks;

/// <summary>
/// The reading room over HTTP on 127.0.0.1: <c>/search</c> over N stored articles (synthetic text from a
/// 5,000-word vocabulary drawn Zipf-like, so common words match a third of the archive and rare ones a
/// handful), and <c>/</c> rendering a stored brief of 20 stories; p50/p95 of sequential requests after a warm-up.
/// </summary>
public sealed class WebBenchmark : IBenchmark
{
    public string Name => "web";
    public string Description => "reading room latency: /search over 100,000 articles, / with a 20-story brief (p50/p95)";

    public async Task<int> RunAsync(string[] args)
    {
        var keep = Array.IndexOf(args, "--keep") is var k && k >= 0 && k + 1 < args.Length ? Path.GetFullPath(args[k + 1]) : null;
        var rest = keep is null ? args : args.Where((_, i) => i != k && i != k + 1).ToArray();
        var count = rest.Length > 0 ? int.Parse(rest[0]) : 100_000;
        // --keep DIR fills DIR once and reuses it on the next run (same seed, so the same articles).
        var root = keep ?? Path.Combine(Path.GetTempPath(), "newsbrief-bench-web-" + Guid.NewGuid().ToString("N"));
        try
        {
            var config = Path.Combine(root, "config");
            Directory.CreateDirectory(config);
            foreach (var f in new[] { "sources.json", "topics.json" }) File.Copy(Path.Combine(Repo(), "config", f), Path.Combine(config, f), overwrite: true);
            File.WriteAllText(Path.Combine(config, "appsettings.json"), """{ "Web": { "Urls": "" } }""");
            using var host = NewsBriefHost.Build(AppConfiguration.Load(config, Path.Combine(root, "data")), TimeProvider.System, new ConsoleOutput(TextWriter.Null, false));
            var services = host.Services.GetRequiredService<AppServices>();
            var fill = Stopwatch.StartNew();
            var stored = services.Articles.Count();
            if (stored != 0 && stored != count) throw new InvalidOperationException($"--keep {root}: it holds {stored:N0} articles, not {count:N0}");
            if (stored == 0)
            {
                var sample = Fill(services.Articles, services.Sources.Current.Select(s => s.Id).ToArray(), count);
                Console.WriteLine($"stored {count:N0} articles (FTS index kept by triggers) in {fill.Elapsed.TotalSeconds:0.0} s; database {new FileInfo(Path.Combine(root, "data", NewsBriefDatabase.FileName)).Length / 1048576.0:0} MB");
                SaveBrief(services, sample);
            }
            else Console.WriteLine($"reusing {stored:N0} stored articles in {root}");
            var alerting = host.Services.GetRequiredService<AlertServices>();
            var options = new WebOptions { Urls = "http://127.0.0.1:0", SearchesPerMinute = 100_000 };
            await using var app = ReadingRoom.Create(services, alerting, options);
            // The search before ranking moved out of the store, on the same page, database and server: the peer.
            var room = new ReadingRoomServices(services, alerting, options);
            var previous = new PreviousSearch(services);
            app.MapGet("/search-before", (HttpContext ctx, string? q, string? from, string? to) => SearchPage.Render(ctx, room, q, from, to, previous.Find))
                .RequireRateLimiting(SearchPage.RateLimitPolicy);
            await app.StartAsync();
            using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = new Uri(app.Urls.First()) };
            string[][] queries =
            [
                ["?q=w0", "a word in nearly every article"],
                ["?q=w40", "a word in 1 of 6"],
                ["?q=w3000", "a rare word (252 articles)"],
                ["?q=%22w1%20w2%22", "phrase of two common words"],
                ["?q=w5%20AND%20w9", "a AND b"],
                ["?q=w12%20OR%20w700%20-w3", "a OR b, NOT c"],
                ["?q=title%3Aw7*", "title prefix"],
                ["?q=w0&from=2026-11-01&to=2026-11-07", "common word, one week"],
            ];
            Console.WriteLine();
            Console.WriteLine("| /search over HTTP | kind | requests | before p50 ms | before p95 ms | before CPU ms | now p50 ms | now p95 ms | now CPU ms |");
            Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
            // Every kind once through both before any is timed, so the first kinds do not pay for compiling the code all share.
            for (var i = 0; i < 10; i++)
                foreach (var q in queries)
                    foreach (var path in new[] { "/search-before", "/search" }) (await client.GetAsync(path + q[0])).EnsureSuccessStatusCode();
            var before = new Timings();
            var now = new Timings();
            foreach (var q in queries)
            {
                var (b, n) = await ComparePagesAsync(client, "/search-before" + q[0], "/search" + q[0], 60);
                Row("`/search" + q[0] + "`", q[1], b, n);
                before.Add(b);
                now.Add(n);
            }
            Row("all above", "mix", before, now);
            CompareStoreQueries(services, previous, queries);
            Console.WriteLine();
            Console.WriteLine("| request | kind | requests | p50 ms | p95 ms | max ms | CPU ms/request |");
            Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
            await MeasureAsync(client, "/", "latest brief, 20 stories", 300);
            await MeasureAsync(client, "/stories", "stories of 7 days", 30);
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (keep is null) try { Directory.Delete(root, true); } catch (IOException) { }
        }
    }

    /// <summary>
    /// The store's part alone, interleaved call by call on the same database: before, the bounded bm25 statement
    /// (ranking, snippets for 400); now, the newest <see cref="ArticleFinder.Candidates"/> matches and snippets for a page of 50.
    /// </summary>
    private static void CompareStoreQueries(AppServices services, PreviousSearch previous, string[][] queries)
    {
        Console.WriteLine();
        Console.WriteLine("| store query | kind | calls | before p50 ms | before p95 ms | before CPU ms | now p50 ms | now p95 ms | now CPU ms |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        var search = new ArticleSearch(services.Database);
        var before = new Timings();
        var now = new Timings();
        foreach (var q in queries)
        {
            var parameters = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(q[0]);
            var request = SearchRequest.Parse(parameters["q"], parameters.TryGetValue("from", out var f) ? f.ToString() : null,
                parameters.TryGetValue("to", out var t) ? t.ToString() : null, DateTimeOffset.UtcNow);
            var match = Core.Query.FullTextExpression.For(request.Query!)!;
            var b = new Timings();
            var n = new Timings();
            for (var i = -2; i < 30; i++)
            {
                Time(i < 0 ? null : b, () => previous.Statement(match, request.From, request.To, PreviousSearch.Candidates));
                Time(i < 0 ? null : n, () =>
                {
                    var newest = search.Newest(match, request.From, request.To, ArticleFinder.Candidates);
                    return search.Snippets(match, newest.Take(50).Select(a => a.Id).ToList()).Count;
                });
            }
            Row("`" + q[0] + "`", q[1], b, n);
            before.Add(b);
            now.Add(n);
        }
        Row("all above", "mix", before, now);
    }

    /// <summary>Wall and CPU time (of this process) of each call, the calls in order.</summary>
    private sealed class Timings
    {
        public List<double> Wall { get; } = [];
        public double Cpu { get; private set; }

        public void Record(double wall, double cpu)
        {
            Wall.Add(wall);
            Cpu += cpu;
        }

        public void Add(Timings other)
        {
            Wall.AddRange(other.Wall);
            Cpu += other.Cpu;
        }
    }

    private static void Time(Timings? into, Func<int> run)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        run();
        into?.Record(watch.Elapsed.TotalMilliseconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds);
    }

    /// <summary>Two pages requested alternately (so that the machine's load falls on both alike), after a warm-up of each.</summary>
    private static async Task<(Timings Before, Timings Now)> ComparePagesAsync(HttpClient client, string before, string now, int n)
    {
        var b = new Timings();
        var a = new Timings();
        for (var i = -5; i < n; i++)
        {
            await TimeAsync(i < 0 ? null : b, client, before);
            await TimeAsync(i < 0 ? null : a, client, now);
        }
        return (b, a);
    }

    private static async Task TimeAsync(Timings? into, HttpClient client, string path)
    {
        // CPU time of this process (server and client): on a shared machine wall time also counts other processes' turns.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync(path);
        await response.Content.ReadAsByteArrayAsync();
        response.EnsureSuccessStatusCode();
        into?.Record(watch.Elapsed.TotalMilliseconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds);
    }

    private static void Row(string what, string kind, Timings before, Timings now) =>
        Console.WriteLine(FormattableString.Invariant(
            $"| {what} | {kind} | {now.Wall.Count} | {P(before.Wall, 0.5):0.0} | {P(before.Wall, 0.95):0.0} | {before.Cpu / before.Wall.Count:0.0} | {P(now.Wall, 0.5):0.0} | {P(now.Wall, 0.95):0.0} | {now.Cpu / now.Wall.Count:0.0} |"));

    private static double P(List<double> times, double p)
    {
        var sorted = times.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }

    private static async Task<List<double>> MeasureAsync(HttpClient client, string path, string kind, int n)
    {
        for (var i = 0; i < 5; i++) (await client.GetAsync(path)).EnsureSuccessStatusCode();
        var times = new List<double>(n);
        // CPU time of this process (server and client): on a shared machine wall time also counts other processes' turns.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < n; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(path);
            await response.Content.ReadAsByteArrayAsync();
            response.EnsureSuccessStatusCode();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        Report(path, kind, times, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / n);
        return times;
    }

    private static void Report(string path, string kind, List<double> times, double? cpuPerRequest = null)
    {
        var sorted = times.Order().ToList();
        Console.WriteLine($"| `{path}` | {kind} | {times.Count} | {P(times, 0.5):0.0} | {P(times, 0.95):0.0} | {sorted[^1]:0.0} | {(cpuPerRequest is { } c ? c.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) : "")} |");
    }

    /// <summary>N articles over 60 days, words drawn with probability ~1/rank; returns 60 of them for the brief.</summary>
    private static List<Article> Fill(ArticleStore store, string[] sources, int count)
    {
        var random = new Random(7);
        const int vocabulary = 5000;
        var cumulative = new double[vocabulary];
        double sum = 0;
        for (var i = 0; i < vocabulary; i++) cumulative[i] = sum += 1.0 / (i + 1);
        string Word() => "w" + Math.Min(vocabulary - 1, Array.BinarySearch(cumulative, random.NextDouble() * sum) is var k && k < 0 ? ~k : k);
        string Words(int n) => string.Join(' ', Enumerable.Range(0, n).Select(_ => Word()));
        var end = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        var sample = new List<Article>();
        for (var done = 0; done < count; done += 1000)
        {
            var batch = Enumerable.Range(done, Math.Min(1000, count - done)).Select(i => new Article
            {
                SourceId = sources[i % sources.Length], Url = $"https://example.org/a/{i}", CanonicalUrl = $"https://example.org/a/{i}",
                Title = Words(8), Description = Words(60) + ".", Published = end.AddMinutes(-random.Next(60 * 24 * 60)), Fetched = end, ContentHash = $"h{i}",
            }).ToList();
            var outcome = store.Upsert(batch);
            if (sample.Count < 60) sample.AddRange(outcome.Inserted.Take(60 - sample.Count));
        }
        return sample;
    }

    private static void SaveBrief(AppServices services, List<Article> sample)
    {
        var stories = sample.Chunk(3).Take(20).Select((group, i) => new BriefEntry
        {
            Story = Story.Of(group[0]) with { Articles = group, Topics = [$"Topic {i / 5}"] }, Section = $"Topic {i / 5}",
            Sentences = group.Select(a => new BriefSentence(a.Description![..Math.Min(200, a.Description!.Length)], [a.Id])).ToList(),
        }).ToList();
        var now = DateTimeOffset.UtcNow;
        var brief = new Brief { From = now.AddDays(-1), To = now, Created = now, Stories = stories, Engine = new BriefEngine("extractive", null, 0, 0) };
        services.Briefs.Save(brief, "all", BriefJsonRenderer.Render(brief, services.Sources.NameOf, indented: false));
    }

    private static string Repo()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NewsBrief.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("run from inside the checkout");
    }
}
