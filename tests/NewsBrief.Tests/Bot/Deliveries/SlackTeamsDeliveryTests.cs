using System.Text.Json;
using NewsBrief.Bot.Deliveries;
using NewsBrief.Bot.Rendering;
using NewsBrief.Core.Domain;
using NewsBrief.Tests.Bot.Alerts;
using NewsBrief.Tests.Bot.Deliveries.Fakes;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Bot.Deliveries;

/// <summary>Slack and Teams destinations against fakes on 127.0.0.1 that refuse what the real platforms refuse.</summary>
public sealed class SlackTeamsDeliveryTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly HttpClient _http = new() { Timeout = System.Threading.Timeout.InfiniteTimeSpan };

    /// <summary>A brief of many long stories, far over one Slack message and one Teams card.</summary>
    internal static Delivery BigBrief(int stories = 80, int sentenceLength = 2_500)
    {
        var now = new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);
        var document = new BriefJsonRenderer.BriefDocument(
            new BriefJsonRenderer.WindowDocument(now.AddDays(-1), now),
            [new BriefJsonRenderer.SentenceDocument("Summary <with> & marks.", [1])],
            Enumerable.Range(1, stories).Select(i => new BriefJsonRenderer.StoryDocument(
                $"Story {i} & its *headline*", "Policy", false,
                [new BriefJsonRenderer.SentenceDocument(string.Concat(Enumerable.Repeat($"Sentence of story {i} with <html> & detail. ", sentenceLength / 45)), [i])],
                [new BriefJsonRenderer.ArticleDocument(i, $"Article {i}", $"https://news.example/{i}?a=1&b=(2)", "Wire", now.AddMinutes(-i))],
                i, [], now.AddMinutes(-i), now.AddMinutes(-i), [])).ToList(),
            new BriefJsonRenderer.EngineDocument("extractive", null, 0, 0, null, 0, 0, 0, []), []);
        return new Delivery
        {
            Destination = "x", Kind = "brief", IdempotencyKey = "brief:1:1", Created = now, Text = "Brief",
            Payload = JsonSerializer.Serialize(document, new JsonSerializerOptions(JsonSerializerDefaults.Web)),
        };
    }

    /// <summary>Every string value in the JSON, joined: what the platform shows, unescaped.</summary>
    internal static string Strings(System.Text.Json.Nodes.JsonNode? node) => node switch
    {
        System.Text.Json.Nodes.JsonObject o => string.Join("\n", o.Select(p => Strings(p.Value))),
        System.Text.Json.Nodes.JsonArray a => string.Join("\n", a.Select(Strings)),
        System.Text.Json.Nodes.JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => "",
    };

    [Fact]
    public async Task ScheduledBrief_ReachesSlackAndTeams_WithTheHeaderStoriesAndCitationLinks()
    {
        await using var slack = new FakeSlack();
        await using var teams = new FakeTeams();
        await using var f = new AlertFixture();
        f.SetFeed("wire", new RssBuilder()
            .Item("Ministers meet at summit", "https://wire.example/summit", "Foreign ministers met in Geneva on Tuesday to discuss the ceasefire.", AlertFixture.Start)
            .Item("Central bank holds rates", "https://wire.example/rates", "The central bank held its main rate at 4 percent.", AlertFixture.Start.AddMinutes(5)));
        await f.PollAsync();
        foreach (var to in new[] { "slack:webhook:" + slack.WebhookUrl, "teams:webhook:" + teams.WebhookUrl })
            f.Alerting.Schedules.Set(new BriefSchedule { Destination = to, Cron = "0 8 * * *", TimeZone = "UTC", Created = AlertFixture.Start });
        f.Clock.Advance(TimeSpan.FromHours(23));

        await f.Alerting.ScheduleRunner.RunDueAsync(CancellationToken.None);
        var report = await f.Alerting.Dispatcher.SendDueAsync(CancellationToken.None);

        Assert.Equal(2, report.Sent);
        var message = Assert.Single(slack.Messages);
        var blocks = message["blocks"]!.AsArray();
        Assert.Equal("header", blocks[0]!["type"]!.GetValue<string>());
        Assert.StartsWith("NewsBrief Fri 27 Nov 2026: ", blocks[0]!["text"]!["text"]!.GetValue<string>());
        var json = Strings(message);
        Assert.Contains("<https://wire.example/summit|[", json);
        Assert.Contains(blocks, b => b!["type"]!.GetValue<string>() == "context");
        var card = Strings(Assert.Single(teams.Cards));
        Assert.Equal("1.4", teams.Cards.Single()["version"]!.GetValue<string>());
        Assert.Contains("(https://wire.example/summit)", card);
        Assert.Contains("Central bank holds rates", card);
        Assert.Empty(slack.Violations);
        Assert.Empty(teams.Violations);
    }

    [Fact]
    public async Task ABigBrief_IsSplitWithinEveryLimit_AndArrivesWhole()
    {
        await using var slack = new FakeSlack();
        await using var teams = new FakeTeams();
        var delivery = BigBrief();

        var toSlack = await new SlackSender(_http, new SlackOptions(), Timeout).SendAsync(delivery, Destination.Parse("slack:webhook:" + slack.WebhookUrl), CancellationToken.None);
        var toTeams = await new TeamsSender(_http, Timeout).SendAsync(delivery, Destination.Parse("teams:webhook:" + teams.WebhookUrl), CancellationToken.None);

        Assert.Equal((SendOutcome.Sent, SendOutcome.Sent), (toSlack.Outcome, toTeams.Outcome));
        Assert.Empty(slack.Violations);
        Assert.Empty(teams.Violations);
        Assert.True(slack.Messages.Count > 2, $"{slack.Messages.Count} Slack messages");
        Assert.True(teams.Cards.Count > 2, $"{teams.Cards.Count} Teams cards");
        var slackText = string.Concat(slack.Messages.Select(Strings));
        var teamsText = string.Concat(teams.Cards.Select(Strings));
        for (var i = 1; i <= 80; i++)
        {
            Assert.Contains($"Story {i} &amp; its *headline*", slackText);
            Assert.Contains($"Story {i} & its \\*headline\\*", teamsText);
        }
        Assert.DoesNotContain("<html>", slackText); // escaped for mrkdwn
    }

    [Fact]
    public async Task Slack_429WaitsForRetryAfter_ARevokedWebhookIsPermanent_AndTheUrlIsNeverInTheError()
    {
        await using var slack = new FakeSlack();
        var sender = new SlackSender(_http, new SlackOptions(), Timeout);
        var delivery = new Delivery { Destination = "x", Kind = "notice", IdempotencyKey = "n:1", Payload = "{}", Text = "Source 'wire' keeps failing." };
        slack.Throttle();

        var throttled = await sender.SendAsync(delivery, Destination.Parse("slack:webhook:" + slack.WebhookUrl), CancellationToken.None);
        var revoked = await sender.SendAsync(delivery, Destination.Parse("slack:webhook:" + slack.RevokedUrl), CancellationToken.None);
        var sent = await sender.SendAsync(delivery, Destination.Parse("slack:webhook:" + slack.WebhookUrl), CancellationToken.None);

        Assert.Equal((SendOutcome.Retryable, TimeSpan.FromSeconds(3)), (throttled.Outcome, throttled.RetryAfter));
        Assert.Equal(SendOutcome.Permanent, revoked.Outcome);
        Assert.Contains("revoked", revoked.Error);
        Assert.DoesNotContain("revoked", slack.RevokedUrl.Split('/')[2]); // the check below is meaningful
        Assert.DoesNotContain("/services/", revoked.Error);
        Assert.Equal(SendOutcome.Sent, sent.Outcome);
        Assert.Single(slack.Messages);
    }

    [Fact]
    public async Task SlackChannel_PostsWithTheBotToken_AndAWrongTokenNamesTheSetting()
    {
        await using var slack = new FakeSlack();
        var delivery = new Delivery { Destination = "x", Kind = "notice", IdempotencyKey = "n:2", Payload = "{}", Text = "hello" };
        var channel = Destination.Parse("slack:channel:C0123456789");

        var sent = await new SlackSender(_http, new SlackOptions { BotToken = FakeSlack.BotToken, ApiBaseUrl = slack.ApiBaseUrl }, Timeout).SendAsync(delivery, channel, CancellationToken.None);
        var refused = await new SlackSender(_http, new SlackOptions { BotToken = "xoxb-wrong", ApiBaseUrl = slack.ApiBaseUrl }, Timeout).SendAsync(delivery, channel, CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, sent.Outcome);
        Assert.Equal("C0123456789", Assert.Single(slack.Messages)["channel"]!.GetValue<string>());
        Assert.Equal(SendOutcome.Permanent, refused.Outcome);
        Assert.Contains("Slack:BotToken", refused.Error);
        Assert.False(new SlackSender(_http, new SlackOptions(), Timeout).Handles(channel)); // no token: the row waits, named in 'deliveries'
    }

    [Fact]
    public async Task Teams_AnUnknownWorkflowUrl_IsPermanentAndSaysSo()
    {
        await using var teams = new FakeTeams();
        var delivery = new Delivery { Destination = "x", Kind = "notice", IdempotencyKey = "n:3", Payload = "{}", Text = "hello" };

        var result = await new TeamsSender(_http, Timeout).SendAsync(delivery, Destination.Parse("teams:webhook:" + teams.UnknownUrl), CancellationToken.None);

        Assert.Equal(SendOutcome.Permanent, result.Outcome);
        Assert.Contains("workflow URL is unknown", result.Error);
        Assert.DoesNotContain("sig=", result.Error);
    }
}
