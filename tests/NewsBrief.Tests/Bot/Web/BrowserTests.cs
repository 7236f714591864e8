using Microsoft.Playwright;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Bot.Web;

/// <summary>
/// The reading room in a real headless browser (Debian's Chromium; skipped with a message when it is not
/// installed): citations, search highlights, a story's outlets, the subscription form, inert hostile titles,
/// and screenshots of / and a story page written beside the test binaries.
/// </summary>
public sealed class BrowserTests : IAsyncLifetime
{
    public const string Chromium = ChromiumFactAttribute.Path;

    private ReadingRoomFixture _room = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public static string ArtifactFolder { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts", "web");

    public async Task InitializeAsync()
    {
        _room = await ReadingRoomFixture.StartAsync();
        if (!File.Exists(Chromium)) return;
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await _room.DisposeAsync();
    }

    private async Task<IPage> OpenAsync(string path)
    {
        var page = await _browser.NewPageAsync(new() { ViewportSize = new() { Width = 1000, Height = 900 } });
        page.SetDefaultTimeout(90_000); // a hang guard, not a measurement: a loaded machine renders slowly
        await page.GotoAsync(new Uri(_room.BaseUri, path).ToString());
        return page;
    }

    [ChromiumFact]
    public async Task LatestBrief_ShowsItsStories_AndACitationLeadsToTheArticle()
    {
        var page = await OpenAsync("/");
        Directory.CreateDirectory(ArtifactFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ArtifactFolder, "home.png"), FullPage = true });

        Assert.True(await page.Locator("section.story").CountAsync() >= 2);
        var cite = page.Locator("section.story a.cite").First;
        await cite.ClickAsync();
        await page.WaitForURLAsync("**/articles/*.html");
        Assert.Matches("^(a|b)\\d$", await page.TextContentAsync("#article"));
        Assert.True(File.Exists(Path.Combine(ArtifactFolder, "home.png")));
    }

    [ChromiumFact]
    public async Task PhraseSearch_ReturnsTheArticle_WithTheSnippetHighlighted()
    {
        var page = await OpenAsync("/search");
        await page.FillAsync("input[name=q]", "\"online safety act\"");
        await page.ClickAsync("form[role=search] button");

        Assert.Equal("Ministers publish the online safety act guidance", await page.Locator(".hit h3 a").First.TextContentAsync());
        Assert.Equal("online safety act", await page.Locator(".hit .snippet mark").First.TextContentAsync());
    }

    [ChromiumFact]
    public async Task StoryPage_ListsEveryOutlet_AndItsTopics()
    {
        var story = _room.Services.Articles.InWindow(DateTimeOffset.UnixEpoch, _room.Clock.GetUtcNow())
            .Where(a => a.StoryId is not null).GroupBy(a => a.StoryId!.Value).First(g => g.Select(a => a.SourceId).Distinct().Count() == 2);
        var page = await OpenAsync($"/stories/{story.Key}");
        Directory.CreateDirectory(ArtifactFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ArtifactFolder, "story.png"), FullPage = true });

        var outlets = await page.Locator("ol.timeline li.outlet strong").AllTextContentsAsync();
        Assert.Equal(["Outlet A", "Outlet B"], outlets.Distinct().Order());
        Assert.True(await page.Locator("ol.timeline li").CountAsync() >= 2);
        Assert.True(await page.Locator(".carried a[href^='/briefs/']").CountAsync() >= 1);
        Assert.Equal(["TikTok bans"], await page.Locator(".story-page p.meta a[href^='/topics/']").AllTextContentsAsync());
    }

    [ChromiumFact]
    public async Task SubscriptionForm_IsRefusedWithoutTheToken_NamesABadQuerysPosition_AndCreatesAfterLogin()
    {
        var page = await OpenAsync("/subscriptions");
        await page.FillAsync("form.create input[name=query]", "tiktok");
        var refused = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("form.create button"), r => r.Request.Method == "POST");
        Assert.Equal(403, refused.Status);
        Assert.Contains("needs the admin token", await page.TextContentAsync("#forbidden"));

        await page.GotoAsync(new Uri(_room.BaseUri, "/login?returnUrl=/subscriptions").ToString());
        await page.FillAsync("input[name=token]", ReadingRoomFixture.Token);
        await page.ClickAsync("form button");
        // Waited for by the page's own elements, never by URL: WaitForURL on a URL that already matches waits for a
        // load state, which hung past 90 s three times under load (with WaitUntil Commit it can never fire). The
        // login page has no create form, so the form appears once the redirect to /subscriptions is in.
        await page.Locator("form.create input[name=query]").WaitForAsync();
        Assert.Equal("/subscriptions", new Uri(page.Url).AbsolutePath);

        await page.FillAsync("form.create input[name=query]", "tiktok AND (ban OR");
        var bad = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("form.create button"), r => r.Request.Method == "POST");
        Assert.Equal(400, bad.Status);
        Assert.Matches("at position \\d+", await page.TextContentAsync("#subscription-error"));

        await page.FillAsync("form.create input[name=query]", "tiktok AND ban");
        await page.FillAsync("form.create input[name=name]", "TikTok watch");
        await page.ClickAsync("form.create button");
        // as after the login: the new subscription's row, which only the page after the redirect has
        await page.Locator("table", new() { HasText = "TikTok watch" }).WaitForAsync();
        Assert.StartsWith("?created=", new Uri(page.Url).Query);
        Assert.Single(_room.Alerting.Subscriptions.List());
    }

    [ChromiumFact]
    public async Task HostileTitles_RenderAsInertText()
    {
        foreach (var path in new[] { "/", "/search?q=hostile" })
        {
            var page = await OpenAsync(path);

            Assert.Equal(0, await page.Locator("main script").CountAsync());
            Assert.Equal(0, await page.Locator("main img").CountAsync());
            Assert.Null(await page.EvaluateAsync<int?>("() => window.__pwned ?? null"));
            var text = await page.Locator("main").TextContentAsync();
            Assert.Contains("<script>window.__pwned=1</script>", text);
        }
    }
}
