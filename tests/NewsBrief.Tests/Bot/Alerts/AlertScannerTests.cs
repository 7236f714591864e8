using System.Text.Json;
using NewsBrief.Core.Domain;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Bot.Alerts;

public sealed class AlertScannerTests
{
    private static readonly DateTimeOffset Morning = AlertFixture.Start.AddHours(-1);

    [Fact]
    public async Task Scan_OfOneEventFromTwoOutlets_SendsOneAlertWithBothLinks()
    {
        await using var f = new AlertFixture();
        f.Subscribe("tiktok AND ban*");
        f.SetFeed("wire", new RssBuilder()
            .Item("Senate votes to ban TikTok nationwide", "https://wire.example/tiktok-ban", "The Senate voted on the TikTok ban.", Morning)
            .Item("Rain expected over the weekend", "https://wire.example/rain", "Weather news.", Morning));
        f.SetFeed("paper", new RssBuilder()
            .Item("Senate votes to ban TikTok nationwide, law passes", "https://paper.example/tiktok", "A TikTok ban passed.", Morning.AddMinutes(20)));
        await f.PollAsync();

        var (scan, dispatch) = await f.Alerting.ScanAndSendAsync(CancellationToken.None);

        Assert.Equal((1, 1), (scan.Alerts, dispatch.Sent));
        var line = Assert.Single(f.ConsoleLines);
        using var alert = JsonDocument.Parse(line);
        var urls = alert.RootElement.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("url").GetString()).ToList();
        Assert.Equal(["https://wire.example/tiktok-ban", "https://paper.example/tiktok"], urls);
        Assert.Equal("Senate votes to ban TikTok nationwide", alert.RootElement.GetProperty("story").GetString());
        Assert.Contains("tiktok", alert.RootElement.GetProperty("matched").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("tiktok AND ban*", alert.RootElement.GetProperty("query").GetString());
        Assert.Equal("Feed wire", alert.RootElement.GetProperty("articles")[0].GetProperty("source").GetString());
    }

    [Fact]
    public async Task Scan_AcrossPollsOfChangingFeeds_AlertsEachArticleOnce()
    {
        await using var f = new AlertFixture();
        var sub = f.Subscribe("tiktok");
        var feed = new RssBuilder().Item("TikTok fined in Ireland", "https://wire.example/1", "TikTok was fined.", Morning);
        f.SetFeed("wire", feed);
        await f.PollAsync();
        await f.Alerting.ScanAndSendAsync(CancellationToken.None);
        f.SetFeed("wire", feed.Item("TikTok launches a new app for schools", "https://wire.example/2", "Another TikTok story.", Morning.AddHours(1)));
        f.Clock.Advance(TimeSpan.FromMinutes(15));
        await f.PollAsync();
        await f.Alerting.ScanAndSendAsync(CancellationToken.None);
        await f.PollAsync();
        var last = await f.Alerting.ScanAndSendAsync(CancellationToken.None);

        var alerted = f.ConsoleLines.SelectMany(l => JsonDocument.Parse(l).RootElement.GetProperty("articles").EnumerateArray())
            .Select(a => a.GetProperty("url").GetString()).ToList();
        Assert.Equal(["https://wire.example/1", "https://wire.example/2"], alerted);
        Assert.Equal(0, last.Scan.Alerts);
        Assert.All(f.Alerting.Deliveries.List(), d => Assert.Equal((DeliveryStatus.Sent, sub.Id), (d.Status, d.SubscriptionId!.Value)));
    }

    [Fact]
    public async Task Scan_OfALaterArticleOnAnAlertedStory_SendsItAsAnUpdateOfThatStory()
    {
        await using var f = new AlertFixture();
        f.Subscribe("tiktok");
        f.SetFeed("wire", new RssBuilder().Item("Senate votes to ban TikTok nationwide", "https://wire.example/tiktok-ban", "The Senate voted.", Morning));
        await f.PollAsync();
        await f.Alerting.ScanAndSendAsync(CancellationToken.None);
        f.SetFeed("paper", new RssBuilder().Item("Senate votes to ban TikTok nationwide, law passes", "https://paper.example/tiktok", "It passed.", Morning.AddHours(1)));
        f.Clock.Advance(TimeSpan.FromMinutes(15));
        await f.PollAsync();

        await f.Alerting.ScanAndSendAsync(CancellationToken.None);

        var lines = f.ConsoleLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal([false, true], lines.Select(l => l.GetProperty("update").GetBoolean()));
        Assert.Equal("Senate votes to ban TikTok nationwide", lines[1].GetProperty("story").GetString());
        Assert.Equal("https://paper.example/tiktok", Assert.Single(lines[1].GetProperty("articles").EnumerateArray().ToList()).GetProperty("url").GetString());
    }

    [Fact]
    public async Task Scan_OfArticlesStoredBeforeTheSubscription_AlertsNothing()
    {
        await using var f = new AlertFixture();
        f.SetFeed("wire", new RssBuilder().Item("TikTok fined in Ireland", "https://wire.example/1", "TikTok was fined.", Morning));
        await f.PollAsync();
        f.Subscribe("tiktok");

        var (scan, _) = await f.Alerting.ScanAndSendAsync(CancellationToken.None);

        Assert.Equal(0, scan.Alerts);
        Assert.Empty(f.ConsoleLines);
    }

    [Fact]
    public async Task Scan_WhenASourceIsRemovedAndAddedAgainUnderAnotherId_DoesNotAlertItsArticlesAgain()
    {
        await using var f = new AlertFixture();
        f.Subscribe("tiktok");
        var feed = new RssBuilder().Item("TikTok fined in Ireland", "https://wire.example/1?utm_source=rss", "TikTok was fined.", Morning);
        f.SetFeed("wire", feed);
        await f.PollAsync();
        await f.Alerting.ScanAndSendAsync(CancellationToken.None);
        // The same items now arrive through the other source (a re-added feed with a new id).
        f.SetFeed("wire", new RssBuilder());
        f.SetFeed("paper", new RssBuilder().Item("TikTok fined in Ireland", "https://wire.example/1", "TikTok was fined.", Morning));
        await f.PollAsync();

        var (scan, _) = await f.Alerting.ScanAndSendAsync(CancellationToken.None);

        Assert.Equal(0, scan.Alerts);
        Assert.Single(f.ConsoleLines);
    }

    [Fact]
    public async Task Scan_BeyondTheDailyCap_HoldsTheRestForTheNextDigest()
    {
        await using var f = new AlertFixture();
        var sub = f.Subscribe("tiktok", cap: 2);
        var feed = new RssBuilder();
        string[] topics = ["fined in Ireland", "launches school app", "sued by Montana", "opens Dublin office"];
        for (var i = 0; i < topics.Length; i++) feed.Item($"TikTok {topics[i]}", $"https://wire.example/{i}", "TikTok news.", Morning.AddMinutes(i));
        f.SetFeed("wire", feed);
        await f.PollAsync();

        var (scan, _) = await f.Alerting.ScanAndSendAsync(CancellationToken.None);
        Assert.Equal((2, 2), (scan.Alerts, scan.HeldForDigest));
        Assert.Equal(2, f.ConsoleLines.Count);

        // The digest goes out at Alerts:DigestTime (08:00 UTC here), the next morning.
        f.Clock.Advance(TimeSpan.FromHours(23));
        var next = await f.Alerting.ScanAndSendAsync(CancellationToken.None);

        Assert.Equal(1, next.Scan.Digests);
        var digest = Assert.Single(f.Alerting.Deliveries.List(), d => d.Kind == "digest");
        Assert.Equal(sub.Id, digest.SubscriptionId);
        Assert.Equal(4, f.ConsoleLines.Count);
        var all = f.ConsoleLines.SelectMany(l => JsonDocument.Parse(l).RootElement.GetProperty("articles").EnumerateArray())
            .Select(a => a.GetProperty("url").GetString()).Order().ToList();
        Assert.Equal(Enumerable.Range(0, 4).Select(i => $"https://wire.example/{i}"), all);
    }

    [Fact]
    public async Task Scan_ForADigestSubscription_QueuesNothingUntilTheDigestTime()
    {
        await using var f = new AlertFixture();
        f.Subscribe("tiktok", mode: "digest");
        f.SetFeed("wire", new RssBuilder().Item("TikTok fined in Ireland", "https://wire.example/1", "TikTok was fined.", Morning));
        await f.PollAsync();

        var early = await f.Alerting.ScanAndSendAsync(CancellationToken.None);
        f.Clock.Advance(TimeSpan.FromHours(23)); // 08:00 UTC the next day
        var late = await f.Alerting.ScanAndSendAsync(CancellationToken.None);
        var again = await f.Alerting.ScanAndSendAsync(CancellationToken.None);

        Assert.Equal((0, 1, 0), (early.Dispatch.Sent, late.Scan.Digests, again.Scan.Digests));
        Assert.Single(f.ConsoleLines);
    }

    [Fact]
    public async Task Scan_OfMatchesArrivingAfterTheDigestTime_HoldsThemForTheNextDaysDigest()
    {
        await using var f = new AlertFixture();
        f.Subscribe("tiktok", mode: "digest");
        f.Clock.Advance(TimeSpan.FromHours(25)); // 10:00 the next day, after its 08:00 digest time
        f.SetFeed("wire", new RssBuilder().Item("TikTok fined in Ireland", "https://wire.example/1", "TikTok was fined.", f.Clock.GetUtcNow()));
        await f.PollAsync();

        var sameDay = await f.Alerting.ScanAndSendAsync(CancellationToken.None);
        f.Clock.Advance(TimeSpan.FromHours(22)); // 08:00 the day after
        var nextMorning = await f.Alerting.ScanAndSendAsync(CancellationToken.None);

        Assert.Equal((1, 0), (sameDay.Scan.HeldForDigest, sameDay.Scan.Digests));
        Assert.Equal((1, 1), (nextMorning.Scan.Digests, nextMorning.Dispatch.Sent));
    }
}
