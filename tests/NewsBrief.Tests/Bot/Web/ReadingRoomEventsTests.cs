using System.Net;
using Microsoft.Playwright;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Bot.Web;

/// <summary>
/// The forward look in the reading room: <c>/events</c> grouped by day, week and month in a real browser (skipped
/// without Chromium), <c>/feeds/events.ics</c> and its per-topic form through the strict RFC 5545 reader, and the
/// events on a story page. The fixture's article b4 (Tuesday 1 December 2026) announces three events.
/// </summary>
public sealed class ReadingRoomEventsTests : IAsyncLifetime
{
    private ReadingRoomFixture _room = null!;

    public async Task InitializeAsync() => _room = await ReadingRoomFixture.StartAsync();
    public async Task DisposeAsync() => await _room.DisposeAsync();

    [ChromiumFact]
    public async Task EventsPage_GroupsByDayWeekAndMonth_AndACitationLeadsToTheArticle()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumFactAttribute.Path, Headless = true });
        var page = await browser.NewPageAsync(new() { JavaScriptEnabled = false });
        await page.GotoAsync(new Uri(_room.BaseUri, "/events?to=2027-01-31").ToString());
        Directory.CreateDirectory(BrowserTests.ArtifactFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserTests.ArtifactFolder, "events.png"), FullPage = true });

        var headings = await page.Locator("section.event-group h2").AllTextContentsAsync();
        Assert.Equal(["Thursday 3 December 2026", "Week of 7 December 2026", "January 2027 (day not given)"], headings);
        var groups = page.Locator("section.event-group");
        var precisions = new List<string>();
        for (var i = 0; i < await groups.CountAsync(); i++) precisions.Add(await groups.Nth(i).GetAttributeAsync("data-precision") ?? "");
        Assert.Equal(["day", "week", "month"], precisions);
        var meeting = page.Locator("li.event[data-date='2026-12-03']");
        Assert.Contains("Manchester", await meeting.Locator(".meta").TextContentAsync());
        Assert.Equal(0, await page.Locator("script").CountAsync());
        await meeting.Locator("a.cite").First.ClickAsync();
        await page.WaitForURLAsync("**/articles/b4.html");
        Assert.Equal("b4", await page.TextContentAsync("#article"));
    }

    [Fact]
    public async Task EventsPage_DefaultsToTheNext30Days_AndABadDateIs400()
    {
        using var client = _room.Client();
        var html = await client.GetStringAsync("/events");
        var bad = await client.GetAsync("/events?from=13/02/2025");

        Assert.Contains("Thursday 3 December 2026", html);
        Assert.DoesNotContain("January 2027", html); // beyond 30 days from 1 December
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("from: &#39;13/02/2025&#39; is not a date like 2025-02-13", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task EventsCalendar_RoundTripsThroughAStrictReader_AndPerTopicKeepsTheTopicsEvents()
    {
        using var client = _room.Client();
        var response = await client.GetAsync("/feeds/events.ics?to=2027-01-31");
        var all = StrictICalendarReader.Read(await response.Content.ReadAsStringAsync());
        var topic = StrictICalendarReader.Read(await client.GetStringAsync("/feeds/topics/TikTok%20bans/events.ics?to=2027-01-31"));
        var unknown = await client.GetAsync("/feeds/topics/nothing/events.ics");

        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(["20261203", "20261207", "20270101"], all.Select(e => e["DTSTART;VALUE=DATE"]).Order());
        var meeting = Assert.Single(all, e => e["DTSTART;VALUE=DATE"] == "20261203");
        Assert.Equal(("20261204", "Manchester"), (meeting["DTEND;VALUE=DATE"], meeting["LOCATION"]));
        Assert.EndsWith("/articles/b4.html", meeting["URL"]);
        Assert.Empty(topic); // no TikTok article announces anything
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task StoryPage_ShowsTheEventsItsArticlesAnnounce()
    {
        var article = _room.Services.Articles.InWindow(DateTimeOffset.UnixEpoch, _room.Clock.GetUtcNow()).Single(a => a.Url.EndsWith("/articles/b4.html", StringComparison.Ordinal));
        using var client = _room.Client();

        var html = await client.GetStringAsync($"/stories/{article.StoryId}");

        Assert.Contains("<h2>Coming up</h2>", html);
        Assert.Contains("Union leaders will meet rail operators in Manchester on Thursday to settle the pay dispute.", html);
        Assert.Contains("data-date=\"2027-01-01\"", html);
    }
}
