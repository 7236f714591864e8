using System.Text.Json;
using System.Text.Json.Nodes;
using NewsBrief.Bot.Briefing;
using NewsBrief.Bot.Chat;
using NewsBrief.Discord;
using NewsBrief.Core.Domain;
using NewsBrief.Tests.Bot.Alerts;
using NewsBrief.Tests.Bot.Discord.Fake;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Bot.Deliveries;

/// <summary>A scheduled brief reaches Discord exactly as <c>/brief</c> shows it: the same embeds and numbered links.</summary>
public sealed class ScheduledBriefLookTests
{
    [Fact]
    public async Task ScheduledBrief_OnADiscordWebhook_HasTheEmbedsOfSlashBrief()
    {
        await using var fake = new FakeDiscord();
        await using var f = new AlertFixture();
        f.SetFeed("wire", new RssBuilder()
            .Item("Ministers meet at summit", "https://wire.example/summit", "Foreign ministers met in Geneva on Tuesday to discuss the ceasefire.", AlertFixture.Start)
            .Item("Central bank holds rates", "https://wire.example/rates", "The central bank held its main rate at 4 percent.", AlertFixture.Start.AddMinutes(5)));
        await f.PollAsync();
        f.Alerting.Schedules.Set(new BriefSchedule { Destination = "webhook:" + fake.WebhookUrl, Cron = "0 8 * * *", TimeZone = "UTC", Created = AlertFixture.Start });
        f.Clock.Advance(TimeSpan.FromHours(23));

        await f.Alerting.ScheduleRunner.RunDueAsync(CancellationToken.None);
        var report = await f.Alerting.Dispatcher.SendDueAsync(CancellationToken.None);
        var slash = BriefReplies.From(await f.Services.BriefService.CreateAsync(f.Services.Brief.DefaultWindow, BriefScope.All, newOnly: false, CancellationToken.None),
            f.Services.BriefService.SourceName, "of all topics");

        Assert.Equal(1, report.Sent);
        var posted = fake.Requests.Where(r => r.Is("POST", "/api/webhooks/77/")).Select(r => r.Body!["embeds"]!.ToJsonString()).ToList();
        var expected = DiscordReplyRenderer.Render(slash, ephemeral: false)
            .Select(m => JsonNode.Parse(JsonSerializer.Serialize(m, DiscordJson.Options))!["embeds"]!.ToJsonString()).ToList();
        Assert.Equal(expected, posted);
        Assert.Contains("Sources", posted[^1]);
        Assert.Contains("https://wire.example/summit", string.Join("", posted));
        Assert.Empty(fake.Violations);
    }
}
