using System.Text.Json;
using NewsBrief.Core.Query;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Bot.Alerts;

/// <summary>Alerts on announced events: the <c>event:</c> field of the query language over the real alert and outbox path.</summary>
public sealed class EventAlertTests
{
    // AlertFixture.Start is Thursday 26 November 2026, 09:00 UTC.
    private static readonly DateTimeOffset Morning = AlertFixture.Start.AddHours(-1);

    [Fact]
    public async Task Scan_WithAnEventSubscription_AlertsTheArticleThatAnnouncesAMeetingAndNothingElse()
    {
        await using var f = new AlertFixture();
        var sub = f.Subscribe("event:meeting AND china");
        f.SetFeed("wire", new RssBuilder()
            .Item("Lammy to meet Wang Yi", "https://wire.example/meeting",
                "Foreign Secretary David Lammy will meet Wang Yi of China in London on Monday.", Morning)
            .Item("China's exports rose in October", "https://wire.example/exports",
                "Exports from China rose 5% in October, officials said, after a meeting of the trade council last week.", Morning)
            .Item("Lammy to visit Paris", "https://wire.example/paris",
                "David Lammy will visit Paris on Tuesday to discuss Ukraine.", Morning));
        await f.PollAsync();

        var (scan, dispatch) = await f.Alerting.ScanAndSendAsync(CancellationToken.None);

        Assert.Equal((1, 1), (scan.Alerts, dispatch.Sent));
        using var alert = JsonDocument.Parse(Assert.Single(f.ConsoleLines));
        var url = Assert.Single(alert.RootElement.GetProperty("articles").EnumerateArray()).GetProperty("url").GetString();
        Assert.Equal("https://wire.example/meeting", url);
        Assert.Contains("event:meeting", alert.RootElement.GetProperty("matched").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(sub.Id, Assert.Single(f.Alerting.Deliveries.List()).SubscriptionId);
    }

    [Fact]
    public async Task Scan_WithEventAny_AlertsEveryAnnouncedEventOnceAndNotThePastOnes()
    {
        await using var f = new AlertFixture();
        f.Subscribe("event:any");
        f.SetFeed("wire", new RssBuilder()
            .Item("MPs to vote on the bill", "https://wire.example/vote", "MPs will vote on the bill next Tuesday.", Morning)
            .Item("MPs voted on the bill", "https://wire.example/voted", "MPs voted on the bill last Tuesday.", Morning));
        await f.PollAsync();
        await f.Alerting.ScanAndSendAsync(CancellationToken.None);
        await f.PollAsync();
        var again = await f.Alerting.ScanAndSendAsync(CancellationToken.None);

        var urls = f.ConsoleLines.SelectMany(l => JsonDocument.Parse(l).RootElement.GetProperty("articles").EnumerateArray())
            .Select(a => a.GetProperty("url").GetString()).ToList();
        Assert.Equal(["https://wire.example/vote"], urls);
        Assert.Equal(0, again.Scan.Alerts);
    }

    [Fact]
    public void EventField_IsLookedAtOnlyByTheQueriesThatNameIt()
    {
        var withEvents = DocumentTerms.From(new QueryDocument("Lammy in London", "", "wire", "", " any meeting Wang Yi London |"));
        var without = DocumentTerms.From(new QueryDocument("Lammy in London", "A meeting.", "wire"));

        Assert.True(TopicQuery.Parse("event:meeting").UsesEvents);
        Assert.True(TopicQuery.Parse("lammy -event:vote").UsesEvents);
        Assert.False(TopicQuery.Parse("meeting").UsesEvents);
        Assert.True(TopicQuery.Parse("event:\"wang yi\" AND title:lammy").Matches(withEvents));
        Assert.False(TopicQuery.Parse("event:meeting").Matches(without)); // "meeting" in the body is not an announced event
        Assert.Contains("event:", Assert.Throws<QueryParseException>(() => TopicQuery.Parse("lammy when:monday")).Message);
    }
}
