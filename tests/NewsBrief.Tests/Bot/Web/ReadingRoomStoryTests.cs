using System.Net;

namespace NewsBrief.Tests.Bot.Web;

/// <summary>Story pages, the topic plot, the stories API and /metrics over HTTP.</summary>
public sealed class ReadingRoomStoryTests : IAsyncLifetime
{
    private ReadingRoomFixture _room = null!;

    public async Task InitializeAsync() => _room = await ReadingRoomFixture.StartAsync();

    public async Task DisposeAsync() => await _room.DisposeAsync();

    private long TwoOutletStory() => _room.Services.Articles.InWindow(DateTimeOffset.UnixEpoch, _room.Clock.GetUtcNow())
        .Where(a => a.StoryId is not null).GroupBy(a => a.StoryId!.Value).First(g => g.Select(a => a.SourceId).Distinct().Count() == 2).Key;

    [Fact]
    public async Task Stories_ListsTheTwoOutletStoryFirst_AndFiltersByQuery()
    {
        using var client = _room.Client();
        var all = await client.GetStringAsync("/stories");
        var summit = await client.GetStringAsync("/stories?q=summit");
        var bad = await client.GetAsync("/stories?q=" + Uri.EscapeDataString("(summit"));

        Assert.Contains($"<a href=\"/stories/{TwoOutletStory()}\">", all);
        Assert.Contains("2 outlets, 2 articles", all);
        Assert.Contains("Summit of foreign ministers", summit);
        Assert.DoesNotContain("Court upholds TikTok", summit);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task StoryPage_NamesTheTopicsTheStoryIsFiledUnder_AsLinksToTheTopicPage()
    {
        using var client = _room.Client();
        var html = await client.GetStringAsync($"/stories/{TwoOutletStory()}");
        var list = await client.GetStringAsync("/stories?topic=TikTok%20bans");
        var json = await client.GetStringAsync($"/api/stories/{TwoOutletStory()}");

        Assert.Contains("<a href=\"/topics/TikTok%20bans\">TikTok bans</a>", html);
        Assert.DoesNotContain("/topics/Diplomatic%20meetings", html);
        Assert.Contains("2 outlets, 2 articles, TikTok bans,", list);
        Assert.DoesNotContain("Summit of foreign ministers", list);
        Assert.Contains("\"topics\": [\n    \"TikTok bans\"\n  ]", json.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task StoryApi_GivesEveryArticleWithItsOutlet()
    {
        using var client = _room.Client();
        var json = await client.GetStringAsync($"/api/stories/{TwoOutletStory()}");
        var list = await client.GetStringAsync("/api/stories?since=2d&query=tiktok");

        Assert.Contains("\"outlets\": [", json);
        Assert.Contains("\"Outlet A\"", json);
        Assert.Contains("\"Outlet B\"", json);
        Assert.Contains($"\"id\": {TwoOutletStory()}", list);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/stories/999999")).StatusCode);
    }

    [Fact]
    public async Task TopicPage_DrawsAnSvgOfArticlesPerDay()
    {
        using var client = _room.Client();
        var html = await client.GetStringAsync("/topics/TikTok%20bans");

        Assert.Contains("<svg class=\"trend\"", html);
        Assert.Contains("2026-12-01: 2 articles, 1 story", html);
        Assert.Contains("2 articles in 1 story over 30 days", html);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/topics/nothing")).StatusCode);
    }

    [Fact]
    public async Task Metrics_ArePrometheusTextOfTheNewsBriefMeter()
    {
        await _room.Services.Refresh.PollAsync(_room.Services.Sources.Current, dueOnly: false, CancellationToken.None);
        using var client = _room.Client();
        var response = await client.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("newsbrief_polls_total{", text);
        Assert.Contains("otel_scope_name=\"NewsBrief\"", text);
    }
}
