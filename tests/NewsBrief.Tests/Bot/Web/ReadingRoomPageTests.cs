using System.Net;
using System.Text.RegularExpressions;

namespace NewsBrief.Tests.Bot.Web;

/// <summary>The reading room's pages over HTTP: the latest brief, the archive, search, sources, encoding and headers.</summary>
public sealed partial class ReadingRoomPageTests : IAsyncLifetime
{
    private ReadingRoomFixture _room = null!;

    public async Task InitializeAsync() => _room = await ReadingRoomFixture.StartAsync();

    public async Task DisposeAsync() => await _room.DisposeAsync();

    [Fact]
    public async Task Home_ShowsTheLatestBrief_WithCitationLinksToTheArticles()
    {
        using var client = _room.Client();
        var html = await client.GetStringAsync("/");

        Assert.Contains("Brief of 1 December 2026", html);
        var cites = CiteLink().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.NotEmpty(cites);
        using var outside = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        foreach (var url in cites.Distinct())
        {
            Assert.StartsWith(_room.Feeds.BaseUri.ToString(), url);
            Assert.Equal(HttpStatusCode.OK, (await outside.GetAsync(url)).StatusCode);
        }
    }

    [Fact]
    public async Task Briefs_ListsEachBrief_AndThePermalinkShowsIt()
    {
        using var client = _room.Client();
        var list = await client.GetStringAsync("/briefs");
        var id = Regex.Match(list, "href=\"/briefs/(\\d+)\"").Groups[1].Value;

        var page = await client.GetAsync($"/briefs/{id}");
        var missing = await client.GetAsync("/briefs/999999");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("TikTok", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Search_ForAPhrase_FindsTheArticleAndMarksThePhraseInTheSnippet()
    {
        using var client = _room.Client();
        var html = await client.GetStringAsync("/search?q=" + Uri.EscapeDataString("\"online safety act\""));

        Assert.Contains("Ministers publish the online safety act guidance", html);
        Assert.Contains("<mark>online safety act</mark>", html);
        Assert.Contains("1 article match", html);
    }

    [Fact]
    public async Task Search_RanksTitleMatchesFirst_AppliesExclusions_AndCountsTopics()
    {
        using var client = _room.Client();
        var html = await client.GetStringAsync("/search?q=" + Uri.EscapeDataString("tiktok ban -appeals"));

        Assert.Contains("Court upholds TikTok ban after appeal", html);
        Assert.DoesNotContain("TikTok ban upheld by appeals court", html);
        Assert.Contains("TikTok bans (1)", html);
    }

    [Fact]
    public async Task Search_WithABadQuery_Answers400NamingThePosition()
    {
        using var client = _room.Client();
        var response = await client.GetAsync("/search?q=" + Uri.EscapeDataString("tiktok AND (ban"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Matches("at position \\d+", html);
    }

    [Fact]
    public async Task Search_WithADateRange_LeavesOutArticlesOutsideIt()
    {
        using var client = _room.Client();
        var inside = await client.GetStringAsync("/search?q=tiktok&from=2026-12-01&to=2026-12-01");
        var before = await client.GetStringAsync("/search?q=tiktok&to=2026-11-29");
        var badDate = await client.GetAsync("/search?q=tiktok&from=yesterday");

        Assert.Contains("2 articles match", inside);
        Assert.Contains("0 articles match", before);
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Contains("from: &#39;yesterday&#39; is not a date", await badDate.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HostileTitles_AreEncodedOnEveryPage()
    {
        using var client = _room.Client();
        foreach (var path in new[] { "/", "/search?q=hostile", "/subscriptions?query=hostile" })
        {
            var html = await client.GetStringAsync(path);
            Assert.True(html.Contains("Hostile &lt;script&gt;", StringComparison.Ordinal), $"{path}: {html}");
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task EveryResponse_CarriesAPolicyWithoutScript()
    {
        using var client = _room.Client();
        var response = await client.GetAsync("/");
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));

        Assert.Contains("default-src 'none'", csp);
        Assert.DoesNotContain("script-src", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("@media print", await client.GetStringAsync("/style.css"));
    }

    [Fact]
    public async Task Sources_ShowsEachSourceWithHealthAndArticlesPerDay()
    {
        using var client = _room.Client();
        var html = await client.GetStringAsync("/sources");

        Assert.Contains("Outlet A", html);
        Assert.Contains("Outlet B", html);
        Assert.Contains("healthy", html);
        Assert.Contains("<td>0.4</td>", html); // 3 articles in 7 days
    }

    [GeneratedRegex("<a class=\"cite\" href=\"([^\"]+)\"")]
    private static partial Regex CiteLink();
}
