using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using NewsBrief.Scrapers.Dedup;
using NewsBrief.Tests.Support;
using Xunit.Abstractions;

namespace NewsBrief.Tests.Bot;

/// <summary>
/// The AllSides stories of the last 80 days of the set (125 stories, 367 articles, 86 outlets), served as one feed
/// per outlet on 127.0.0.1, each article dated at its story's date plus 0-6 h, and polled by the CLI in batches two
/// days apart on a fake clock (so each poll restores the story window from the store, as a restarted service does).
/// The lexical default here; <see cref="AllSidesFeedsWithEmbeddingsFixture"/> the same with <c>Stories:Embeddings</c>.
/// </summary>
public class AllSidesFeedsFixture : IAsyncLifetime
{
    /// <summary>The appsettings.json of the polls.</summary>
    protected virtual string Settings => TestConfigFolder.QuickSettings;

    private readonly TempDirectory _dir = new();
    private readonly LocalHttpServer _server = new();

    public string Config => Path.Combine(_dir.Path, "config");
    public string Data => Path.Combine(_dir.Path, "data");
    public FakeTimeProvider Clock { get; } = new();
    /// <summary>Gold story id of each served article, by its URL.</summary>
    public Dictionary<string, string> Gold { get; } = [];
    public int Polls { get; private set; }

    public async Task InitializeAsync()
    {
        var random = new Random(42);
        var items = new List<(string Outlet, string Title, string Body, string Url, DateTimeOffset Time)>();
        foreach (var line in File.ReadLines(SharedData.Path("clustering", "allsides", "stories.jsonl")))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var doc = JsonDocument.Parse(line);
            var story = doc.RootElement;
            var date = DateTimeOffset.Parse(story.GetProperty("date").GetString()!, CultureInfo.InvariantCulture).ToUniversalTime();
            if (date < new DateTimeOffset(2021, 8, 1, 0, 0, 0, TimeSpan.Zero)) continue;
            foreach (var article in story.GetProperty("articles").EnumerateArray())
            {
                var url = _server.Url($"/a/{items.Count}").ToString();
                Gold[url] = story.GetProperty("story_id").ToString();
                items.Add((article.GetProperty("source").GetString()!, article.GetProperty("title").GetString() ?? "",
                    article.GetProperty("body").GetString() ?? "", url, date + TimeSpan.FromMinutes(random.Next(0, 6 * 60))));
            }
        }
        var outlets = items.GroupBy(i => i.Outlet).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var feeds = new List<(string Id, Uri Url)>();
        for (var o = 0; o < outlets.Count; o++)
        {
            var own = outlets[o].ToList();
            var title = outlets[o].Key;
            // A feed shows what its outlet has published by now, newest first, as a real feed does.
            _server.Map($"/feed/{o}.xml", ctx =>
            {
                var rss = new RssBuilder();
                foreach (var i in own.Where(i => i.Time <= Clock.GetUtcNow()).OrderByDescending(i => i.Time).Take(30)) rss.Item(i.Title, i.Url, i.Body, i.Time);
                return LocalHttpServer.WriteAsync(ctx, 200, rss.Build(title), "application/rss+xml; charset=utf-8");
            });
            feeds.Add(($"outlet-{o}", _server.Url($"/feed/{o}.xml")));
        }
        new TestConfigFolder(Config).WriteSettings(Settings).Write("topics.json", """{ "Topics": [] }""").WriteSources([.. feeds]);
        var first = items.Min(i => i.Time);
        var last = items.Max(i => i.Time);
        for (var now = first.AddDays(2); ; now = now.AddDays(2))
        {
            Clock.SetUtcNow(now < last ? now : last.AddHours(1));
            var poll = await CliRun.InProcessAsync(Clock, "poll", "--config", Config, "--data", Data);
            Assert.True(poll.ExitCode == 0, poll.Error);
            Polls++;
            if (now >= last) break;
        }
    }

    public async Task<List<List<string>>> StoriesAsync(params string[] scope)
    {
        var result = await CliRun.InProcessAsync(Clock, ["stories", "--since", "90d", "--format", "json", "--config", Config, "--data", Data, .. scope]);
        Assert.True(result.ExitCode == 0, result.Error);
        return JsonDocument.Parse(result.Out).RootElement.EnumerateArray()
            .Select(s => s.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("url").GetString()!).ToList()).ToList();
    }

    /// <summary>The B-cubed score of the stored stories against the gold stories (every article in exactly one story).</summary>
    public async Task<ClusteringScore> ScoreAsync()
    {
        var stories = await StoriesAsync();
        var urls = stories.SelectMany(s => s).ToList();
        Assert.Equal(Gold.Count, urls.Count);
        Assert.Equal(urls.Count, urls.Distinct().Count());
        var index = urls.Select((u, i) => (u, i)).ToDictionary(x => x.u, x => x.i);
        var predicted = stories.Select(s => (IReadOnlyList<int>)s.Select(u => index[u]).ToList()).ToList();
        return ClusteringScore.Of(predicted, urls.Select(u => Gold[u]).ToList());
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}

public sealed class StoriesFromFeedsTests(AllSidesFeedsFixture feeds, ITestOutputHelper output) : IClassFixture<AllSidesFeedsFixture>
{
    [SharedDataFact]
    public async Task Stories_OfAllSidesPolledInBatches_GroupTheOutletsOfEachEvent()
    {
        var score = await feeds.ScoreAsync();
        output.WriteLine($"B-cubed F1 {score.BCubedF1:0.000} (P {score.BCubedPrecision:0.000}, R {score.BCubedRecall:0.000}), pairwise F1 {score.PairF1:0.000}, {score.Clusters} stories, {feeds.Polls} polls");
        // Measured 0.896-0.901 (P 0.988, R 0.820-0.827; parallel polls vary the batches) with the lexical default and a 2-day half-life (0.877, P 0.933, without
        // fading); the issue's target of 0.92 needs Stories:Embeddings (below). The floor guards against regressions.
        Assert.True(score.BCubedF1 >= 0.89, $"B-cubed F1 {score.BCubedF1:0.000} (P {score.BCubedPrecision:0.000}, R {score.BCubedRecall:0.000}) over {feeds.Polls} polls");
    }

    [SharedDataTheory]
    [InlineData("biden")]
    [InlineData("vaccine* OR covid")]
    [InlineData("title:court")]
    [InlineData("afghanistan AND NOT taliban")]
    public async Task Stories_ForAQuery_AreTheFullGroupingRestrictedToTheMatchingArticles(string query)
    {
        var full = await feeds.StoriesAsync();
        var narrowed = await feeds.StoriesAsync("--query", query);

        var matching = narrowed.SelectMany(s => s).ToHashSet();
        Assert.NotEmpty(matching);
        var expected = full.Select(s => s.Where(matching.Contains).Order().ToList()).Where(s => s.Count > 0)
            .Select(s => string.Join(" ", s)).Order().ToList();
        Assert.Equal(expected, narrowed.Select(s => string.Join(" ", s.Order())).Order().ToList());
    }
}

/// <summary>The AllSides feeds polled with <c>Stories:Embeddings</c> on (the tuned weight and threshold).</summary>
public sealed class AllSidesFeedsWithEmbeddingsFixture : AllSidesFeedsFixture
{
    protected override string Settings => """
        { "Fetch": { "Timeout": "00:00:30", "PageTimeout": "00:00:30", "FetchArticlePages": false },
          "Brief": { "TimeZone": "UTC" }, "Stories": { "Embeddings": true } }
        """;
}

public sealed class StoriesFromFeedsWithEmbeddingsTests(AllSidesFeedsWithEmbeddingsFixture feeds, ITestOutputHelper output) : IClassFixture<AllSidesFeedsWithEmbeddingsFixture>
{
    [SharedDataFact]
    public async Task Stories_OfAllSidesPolledInBatchesWithEmbeddings_ReachTheIssuesTarget()
    {
        var score = await feeds.ScoreAsync();
        output.WriteLine($"B-cubed F1 {score.BCubedF1:0.000} (P {score.BCubedPrecision:0.000}, R {score.BCubedRecall:0.000}), pairwise F1 {score.PairF1:0.000}, {score.Clusters} stories, {feeds.Polls} polls");
        // Measured 0.940 (P 0.932, R 0.949; lexical 0.896 in the same run); the issue's acceptance is 0.92, the floor just under the measure.
        Assert.True(score.BCubedF1 >= 0.93, $"B-cubed F1 {score.BCubedF1:0.000} (P {score.BCubedPrecision:0.000}, R {score.BCubedRecall:0.000}) over {feeds.Polls} polls");
    }
}
