using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Bot;

/// <summary>
/// Briefs through the real CLI and pipeline with the default topics (<c>config/topics.json</c>): the AllSides
/// stories of the last ten days of the set (16 stories, 47 articles) served as one feed per outlet on 127.0.0.1, plus an outlet whose
/// article is about two default topics (a government TikTok ban and, in the same piece, a foreign ministers'
/// meeting) and two articles of one topic each; polled into a real SQLite store on a fake clock.
/// </summary>
public sealed class TwoTopicBriefFixture : IAsyncLifetime
{
    public const string TwoTopicUrlPath = "/desk/tiktok-ban-and-ministers";
    private readonly TempDirectory _dir = new();
    private readonly LocalHttpServer _server = new();

    public string Config => Path.Combine(_dir.Path, "config");
    public string Data => Path.Combine(_dir.Path, "data");
    public FakeTimeProvider Clock { get; } = new();
    public string TwoTopicUrl => _server.Url(TwoTopicUrlPath).ToString();
    /// <summary>Every served article's URL.</summary>
    public HashSet<string> Served { get; } = new(StringComparer.Ordinal);

    public async Task InitializeAsync()
    {
        if (SharedData.Root is null) return;
        var items = new List<(string Outlet, string Title, string Body, string Url, DateTimeOffset Time)>();
        var random = new Random(7);
        var cutoff = new DateTimeOffset(2021, 10, 8, 0, 0, 0, TimeSpan.Zero);
        foreach (var line in File.ReadLines(SharedData.Path("clustering", "allsides", "stories.jsonl")))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var doc = JsonDocument.Parse(line);
            var story = doc.RootElement;
            var date = DateTimeOffset.Parse(story.GetProperty("date").GetString()!, CultureInfo.InvariantCulture).ToUniversalTime();
            if (date < cutoff) continue;
            foreach (var article in story.GetProperty("articles").EnumerateArray())
                items.Add((article.GetProperty("source").GetString()!, article.GetProperty("title").GetString() ?? "",
                    article.GetProperty("body").GetString() ?? "", _server.Url($"/a/{items.Count}").ToString(), date + TimeSpan.FromMinutes(random.Next(0, 6 * 60))));
        }
        var now = items.Max(i => i.Time).AddHours(2);
        items.Add(("Policy Desk", "Government bans TikTok on official phones as foreign ministers meet in London",
            "The government banned TikTok on all official phones on Tuesday, citing the security of sensitive data. "
            + "On the same day the foreign ministers of the G7 met in London to agree new sanctions and further support for Ukraine. "
            + "Officials said the TikTok ban takes effect at once and covers ministers, civil servants and their contractors.",
            TwoTopicUrl, now.AddHours(-5)));
        items.Add(("Policy Desk", "Montana governor signs first statewide TikTok ban",
            "Montana's governor signed a bill banning TikTok across the state, the first such ban in the United States. "
            + "App stores that offer the app face fines of $10,000 a day from January.",
            _server.Url("/desk/montana").ToString(), now.AddHours(-9)));
        items.Add(("Policy Desk", "Foreign secretary holds bilateral talks with Japanese counterpart",
            "The foreign secretary held bilateral talks with Japan's foreign minister in Tokyo on defence and trade. "
            + "The two ministers agreed to meet again before the end of the year.",
            _server.Url("/desk/tokyo").ToString(), now.AddHours(-7)));

        var feeds = new List<(string Id, Uri Url)>();
        var outlets = items.GroupBy(i => i.Outlet).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        for (var o = 0; o < outlets.Count; o++)
        {
            var rss = new RssBuilder();
            foreach (var i in outlets[o].OrderByDescending(i => i.Time)) rss.Item(i.Title, i.Url, i.Body, i.Time);
            _server.MapContent($"/feed/{o}.xml", rss.Build(outlets[o].Key), "application/rss+xml; charset=utf-8");
            feeds.Add(($"outlet-{o}", _server.Url($"/feed/{o}.xml")));
        }
        Served.UnionWith(items.Select(i => i.Url));
        // Limits above the fixture's size, so that every stored story of the window is in the full brief.
        new TestConfigFolder(Config)
            .WriteSettings("""
                { "Fetch": { "Timeout": "00:00:30", "PageTimeout": "00:00:30", "FetchArticlePages": false },
                  "Brief": { "TimeZone": "UTC", "MaxStories": 200, "MaxStoriesPerTopic": 50, "MaxOtherStories": 50 } }
                """)
            .WriteTopics(File.ReadAllText(Path.Combine(RepoRoot.Path, "config", "topics.json")))
            .WriteSources([.. feeds]);
        Clock.SetUtcNow(now);
        var poll = await CliRun.InProcessAsync(Clock, "poll", "--config", Config, "--data", Data);
        Assert.True(poll.ExitCode == 0, poll.Error);
    }

    public async Task<CliResult> BriefAsync(params string[] args)
    {
        var result = await CliRun.InProcessAsync(Clock, ["brief", "--no-poll", "--since", "30d", "--config", Config, "--data", Data, .. args]);
        Assert.True(result.ExitCode == 0, result.Error);
        return result;
    }

    public async Task<List<JsonElement>> BriefStoriesAsync(params string[] scope)
    {
        var result = await BriefAsync(["--format", "json", .. scope]);
        return JsonDocument.Parse(result.Out).RootElement.GetProperty("stories").EnumerateArray().ToList();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}

public sealed class TwoTopicBriefTests(TwoTopicBriefFixture feeds) : IClassFixture<TwoTopicBriefFixture>
{
    private const string TikTok = "TikTok bans", Meetings = "Diplomatic meetings";

    private static List<string> Urls(JsonElement story) =>
        story.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("url").GetString()!).ToList();

    private static List<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToList();

    [SharedDataFact]
    public async Task Brief_AnArticleAboutTwoDefaultTopics_AppearsOnceInOneSection_WithTheOtherTopicNamedBesideIt()
    {
        var stories = await feeds.BriefStoriesAsync();

        var carrying = Assert.Single(stories, s => Urls(s).Contains(feeds.TwoTopicUrl));
        var section = carrying.GetProperty("topic").GetString()!;
        Assert.Contains(section, new[] { TikTok, Meetings });
        var other = section == TikTok ? Meetings : TikTok;
        Assert.Contains(other, Strings(carrying.GetProperty("alsoTopics")));
        Assert.Single(Urls(carrying), feeds.TwoTopicUrl);

        var text = (await feeds.BriefAsync()).Out;
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, System.Text.RegularExpressions.Regex.Escape($"<{feeds.TwoTopicUrl}>")));
        Assert.Contains($"also: {other}", text);
    }

    [SharedDataTheory]
    [InlineData(TikTok)]
    [InlineData(Meetings)]
    public async Task Brief_OfEitherTopic_IncludesTheTwoTopicArticle(string topic)
    {
        var stories = await feeds.BriefStoriesAsync("--topic", topic);

        var carrying = Assert.Single(stories, s => Urls(s).Contains(feeds.TwoTopicUrl));
        Assert.Equal(topic, carrying.GetProperty("topic").GetString());
        Assert.All(stories, s => Assert.Equal(topic, s.GetProperty("topic").GetString()));
    }

    [SharedDataTheory]
    [InlineData("", "")]
    [InlineData("--topic", TikTok)]
    [InlineData("--topic", Meetings)]
    [InlineData("--topic", "China relations")]
    [InlineData("--query", "biden OR trump")]
    public async Task Brief_NeverListsOneArticleInTwoStoriesOrOneStoryInTwoSections(string option, string value)
    {
        string[] scope = option.Length == 0 ? [] : [option, value];
        var stories = await feeds.BriefStoriesAsync(scope);

        Assert.NotEmpty(stories);
        var urls = stories.SelectMany(Urls).ToList();
        Assert.Equal(urls.Count, urls.Distinct().Count());
        Assert.All(urls, u => Assert.Contains(u, feeds.Served));
        var ids = stories.Select(s => s.GetProperty("storyId")).Where(i => i.ValueKind == JsonValueKind.Number).Select(i => i.GetInt64()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        // Each section is one run of stories: a section never comes back after another one.
        var sections = stories.Select(s => s.GetProperty("topic").GetString()!).ToList();
        var runs = sections.Where((t, i) => i == 0 || sections[i - 1] != t).ToList();
        Assert.Equal(runs.Count, runs.Distinct().Count());
        Assert.All(stories, s => Assert.DoesNotContain(s.GetProperty("topic").GetString(), Strings(s.GetProperty("alsoTopics"))));
        // Every sentence cites an article of its own story.
        foreach (var story in stories)
        {
            var own = story.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("id").GetInt64()).ToHashSet();
            Assert.All(story.GetProperty("sentences").EnumerateArray(), sentence =>
                Assert.All(sentence.GetProperty("citations").EnumerateArray(), c => Assert.Contains(c.GetInt64(), own)));
        }
        if (scope.Length == 0) // limits above the fixture: the full brief lists every stored article
        {
            var list = await CliRun.InProcessAsync(feeds.Clock, "sources", "list", "--config", feeds.Config, "--data", feeds.Data, "--format", "json");
            var stored = JsonDocument.Parse(list.Out).RootElement.EnumerateArray().Sum(r => r.GetProperty("articles").GetInt32());
            var bySection = string.Join(", ", sections.GroupBy(t => t).Select(g => $"{g.Key} {g.Count()}"));
            Assert.True(stored == urls.Count, $"{stored} stored of {feeds.Served.Count} served, {urls.Count} in the brief, {stories.Count} stories: {bySection}");
        }
    }

    [SharedDataFact]
    public async Task Brief_StoriesOfSeveralOutlets_CiteMoreThanOneOfThem()
    {
        var stories = await feeds.BriefStoriesAsync();

        var multi = stories.Where(s => s.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("source").GetString()).Distinct().Count() >= 2).ToList();
        Assert.NotEmpty(multi);
        foreach (var story in multi)
        {
            var cited = story.GetProperty("sentences").EnumerateArray().SelectMany(s => s.GetProperty("citations").EnumerateArray().Select(c => c.GetInt64())).ToHashSet();
            var sources = story.GetProperty("articles").EnumerateArray().Where(a => cited.Contains(a.GetProperty("id").GetInt64()))
                .Select(a => a.GetProperty("source").GetString()).Distinct().Count();
            Assert.True(sources >= 2, $"\"{story.GetProperty("headline").GetString()}\" cites {sources} of its outlets");
        }
    }
}
