using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NewsBrief.Bot.Composition;
using NewsBrief.Bot.Configuration;
using NewsBrief.Bot.Rendering;
using NewsBrief.Bot.Web;
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
            await using var app = ReadingRoom.Create(services, host.Services.GetRequiredService<AlertServices>(),
                new WebOptions { Urls = "http://127.0.0.1:0", SearchesPerMinute = 100_000 });
            await app.StartAsync();
            using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = new Uri(app.Urls.First()) };
            Console.WriteLine();
            Console.WriteLine("| request | kind | requests | p50 ms | p95 ms | max ms | CPU ms/request |");
            Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
            string[][] queries =
            [
                ["/search?q=w0", "one word in ~1/3 of articles"],
                ["/search?q=w40", "one word in ~1/50"],
                ["/search?q=w3000", "a rare word"],
                ["/search?q=%22w1%20w2%22", "phrase of two common words"],
                ["/search?q=w5%20AND%20w9", "a AND b"],
                ["/search?q=w12%20OR%20w700%20-w3", "a OR b, NOT c"],
                ["/search?q=title%3Aw7*", "title prefix"],
                ["/search?q=w0&from=2026-11-01&to=2026-11-07", "common word, one week"],
            ];
            var all = new List<double>();
            foreach (var q in queries) all.AddRange(await MeasureAsync(client, q[0], q[1], 60));
            Report("/search (all above)", "mix", all);
            CompareStoreQueries(services, queries);
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
    /// The store's search alone, beside the single statement it replaced (every match scored with bm25 and
    /// snippeted before the cut), on the same database in the same run: the before/after of bounded ranking.
    /// </summary>
    private static void CompareStoreQueries(AppServices services, string[][] queries)
    {
        Console.WriteLine();
        Console.WriteLine("| store query | kind | previous p50 ms | previous p95 ms | previous CPU ms | bounded p50 ms | bounded p95 ms | bounded CPU ms |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|");
        var search = new ArticleSearch(services.Database);
        var previous = new List<double>();
        var bounded = new List<double>();
        double previousCpu = 0, boundedCpu = 0;
        foreach (var q in queries)
        {
            var parameters = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + q[0]).Query);
            var request = SearchRequest.Parse(parameters["q"], parameters.TryGetValue("from", out var f) ? f.ToString() : null,
                parameters.TryGetValue("to", out var t) ? t.ToString() : null, DateTimeOffset.UtcNow);
            var match = Core.Query.FullTextExpression.For(request.Query!)!;
            var (before, beforeCpu) = Time(12, () => PreviousSearch(services.Database, match, request.From, request.To, ArticleFinder.Candidates));
            var (after, afterCpu) = Time(30, () => search.Search(match, request.From, request.To, ArticleFinder.Candidates).Count);
            previous.AddRange(before);
            bounded.AddRange(after);
            previousCpu += beforeCpu / queries.Length;
            boundedCpu += afterCpu / queries.Length;
            Console.WriteLine($"| `{q[0]}` | {q[1]} | {P(before, 0.5):0.0} | {P(before, 0.95):0.0} | {beforeCpu:0.0} | {P(after, 0.5):0.0} | {P(after, 0.95):0.0} | {afterCpu:0.0} |");
        }
        Console.WriteLine($"| all above | mix | {P(previous, 0.5):0.0} | {P(previous, 0.95):0.0} | {previousCpu:0.0} | {P(bounded, 0.5):0.0} | {P(bounded, 0.95):0.0} | {boundedCpu:0.0} |");
    }

    /// <summary>Wall times of n calls after a warm-up, and the process's CPU time per call.</summary>
    private static (List<double> Wall, double CpuPerCall) Time(int n, Func<int> run)
    {
        run();
        var times = new List<double>(n);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < n; i++)
        {
            var watch = Stopwatch.StartNew();
            run();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        return (times, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / n);
    }

    /// <summary>The search statement before bounded ranking, kept here only as the benchmark's reference.</summary>
    private static int PreviousSearch(NewsBriefDatabase database, string match, DateTimeOffset from, DateTimeOffset to, int limit)
    {
        using var connection = database.Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            SELECT a.*, f.score, f.snip
            FROM (SELECT rowid, bm25(articles_fts, 10.0, 1.0) AS score,
                         snippet(articles_fts, -1, char(57344), char(57345), '…', 24) AS snip
                  FROM articles_fts WHERE articles_fts MATCH $match) f
            JOIN articles a ON a.id = f.rowid
            WHERE COALESCE(a.published, a.fetched) BETWEEN $from AND $to
            ORDER BY f.score, a.id DESC LIMIT $limit
            """;
        cmd.Parameters.AddWithValue("$match", match);
        cmd.Parameters.AddWithValue("$from", from.ToUnixTimeMilliseconds());
        cmd.Parameters.AddWithValue("$to", to.ToUnixTimeMilliseconds());
        cmd.Parameters.AddWithValue("$limit", limit);
        using var reader = cmd.ExecuteReader();
        var rows = 0;
        while (reader.Read()) rows++;
        return rows;
    }

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
        var stories = sample.Chunk(3).Take(20).Select((group, i) => new BriefStory
        {
            Headline = group[0].Title, Topic = $"Topic {i / 5}", Articles = group,
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
