using System.Net;
using NewsBrief.Bot.Web;
using NewsBrief.Bot.Briefing;
using NewsBrief.Scrapers.Parsing;

namespace NewsBrief.Tests.Bot.Web;

/// <summary>Feeds and files out of the reading room, read back with our own feed parser; the JSON API; /healthz; the search rate limit.</summary>
public sealed class ReadingRoomFeedTests : IAsyncLifetime
{
    private ReadingRoomFixture _room = null!;

    public async Task InitializeAsync() => _room = await ReadingRoomFixture.StartAsync(o => o with { SearchesPerMinute = 5 });

    public async Task DisposeAsync() => await _room.DisposeAsync();

    [Fact]
    public async Task BriefsFeed_IsAtomWithOneEntryPerBrief()
    {
        await _room.Services.BriefService.CreateAsync(TimeSpan.FromHours(12), new BriefScope(Topic: "TikTok bans"), newOnly: false, CancellationToken.None);
        using var client = _room.Client();
        var response = await client.GetAsync("/feeds/briefs.atom");
        var xml = await response.Content.ReadAsStringAsync();

        var feed = FeedParser.Parse(xml, _room.BaseUri);

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", xml);
        Assert.Contains("xmlns=\"http://www.w3.org/2005/Atom\"", xml);
        Assert.Equal(2, feed.Items.Count);
        Assert.All(feed.Items, i => Assert.Matches("/briefs/\\d+$", i.Link!.AbsoluteUri));
        Assert.Contains("TikTok", feed.Items[0].Content ?? feed.Items[0].Description);
    }

    [Fact]
    public async Task TopicFeed_CarriesTheTopicsArticles_AndAnUnknownTopicIs404()
    {
        using var client = _room.Client();
        var feed = FeedParser.Parse(await client.GetStringAsync("/feeds/topics/TikTok%20bans.atom"), _room.BaseUri);
        var missing = await client.GetAsync("/feeds/topics/nothing.atom");

        Assert.Equal(2, feed.Items.Count);
        Assert.All(feed.Items, i => Assert.Contains("TikTok", i.Title));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task SubscriptionFeed_NeedsItsToken()
    {
        var sub = NewsBrief.Bot.Alerts.SubscriptionRequest.Add(_room.Alerting.Subscriptions, _room.Alerting.Options, "web", "summit", "console", "instant", null, _room.Clock.GetUtcNow());
        var token = AdminGate.FeedToken(NewsBrief.Bot.Web.FeedKey.LoadOrCreate(_room.DataPath), sub.Id);
        using var client = _room.Client();

        var good = await client.GetAsync($"/feeds/subscriptions/{sub.Id}.atom?token={token}");
        var none = await client.GetAsync($"/feeds/subscriptions/{sub.Id}.atom");
        var wrong = await client.GetAsync($"/feeds/subscriptions/{sub.Id}.atom?token={new string('0', 32)}");

        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal("Summit of foreign ministers opens in Geneva", Assert.Single(FeedParser.Parse(await good.Content.ReadAsStringAsync(), _room.BaseUri).Items).Title);
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Equal(32, token.Length);
    }

    [Fact]
    public async Task Api_ServesTheStoredBriefDocument_AndSearchHits()
    {
        using var client = _room.Client();
        var latest = await client.GetStringAsync("/api/briefs/latest");
        var stored = _room.Services.Briefs.Latest()!;
        var search = await client.GetStringAsync("/api/search?q=" + Uri.EscapeDataString("\"online safety act\""));
        var bad = await client.GetAsync("/api/search?q=" + Uri.EscapeDataString("(x"));

        Assert.Equal(stored.Document, latest);
        Assert.Equal(stored.Document, await client.GetStringAsync($"/api/briefs/{stored.Id}"));
        Assert.Contains("\"matched\": 1", search);
        Assert.Contains("[online safety act]", search);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Search_IsRateLimitedPerClient()
    {
        using var client = _room.Client();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++) statuses.Add((await client.GetAsync("/search?q=tiktok")).StatusCode);

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 5), statuses.Take(5));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[5]);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Healthz_IsHealthyAfterAPoll_And503WhenNoPollSucceededForThreeIntervals()
    {
        using var client = _room.Client();
        var healthy = await client.GetAsync("/healthz");
        _room.Clock.Advance(TimeSpan.FromMinutes(46));
        var stale = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, stale.StatusCode);
        Assert.Contains("no poll has succeeded since", await stale.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Opml_ListsTheSources()
    {
        using var client = _room.Client();
        var feeds = NewsBrief.Bot.Sources.OpmlFile.Read(await client.GetStringAsync("/sources.opml"));

        Assert.Equal(["outlet-a", "outlet-b"], feeds.Select(f => f.Id));
        Assert.Equal(_room.Feeds.Url("/a.xml"), feeds[0].Url);
    }
}
