using Microsoft.Extensions.Time.Testing;
using NewsBrief.Bot.Deliveries;
using NewsBrief.Discord;
using NewsBrief.Core.Domain;
using NewsBrief.Core.Storage;
using NewsBrief.Tests.Bot.Deliveries.Fakes;
using NewsBrief.Tests.Bot.Discord.Fake;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Bot.Deliveries;

/// <summary>
/// A brief split into several Slack, Teams and Discord-webhook messages, interrupted at part 2: the outbox records the
/// parts that went out, and the retry starts at the first unsent part, so no reader sees part 1 twice.
/// </summary>
public sealed class SplitDeliveryResumeTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly FakeSlack _slack = new();
    private readonly FakeTeams _teams = new();
    private FakeDiscord _discord = null!;

    public Task InitializeAsync()
    {
        _discord = new FakeDiscord(_clock);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ABriefInterruptedAtPart2_IsResumedAtPart2_AndEveryPartArrivesOnce()
    {
        var db = NewsBriefDatabase.Open(_dir.Path);
        var store = new DeliveryStore(db);
        var brief = SlackTeamsDeliveryTests.BigBrief();
        var destinations = new[] { "slack:webhook:" + _slack.WebhookUrl, "teams:webhook:" + _teams.WebhookUrl, "webhook:" + _discord.WebhookUrl };
        var ids = destinations.Select((d, i) => store.Add(brief with { Destination = d, IdempotencyKey = $"brief:1:{i}", Created = _clock.GetUtcNow() })!.Value).ToList();
        _slack.FailPost(2);
        _teams.FailPost(2);
        var discordPosts = 0;
        _discord.Script(r => r.Is("POST", "/api/webhooks/77/") && ++discordPosts == 2, new FakeResponse(500, """{"message":"500: Internal Server Error","code":0}"""));
        var options = new DeliveryOptions { SlackWebhookInterval = TimeSpan.Zero };
        var dispatcher = new DeliveryDispatcher(store, [new SlackSender(_http, new SlackOptions(), options.WebhookTimeout),
            new TeamsSender(_http, options.WebhookTimeout), new DiscordWebhookSender(_http)], options, _clock);

        var interrupted = await dispatcher.SendDueAsync(CancellationToken.None);
        var midway = ids.Select(id => store.Get(id)!).ToList();
        _clock.Advance(options.MaxRetryDelay);
        var resumed = await dispatcher.SendDueAsync(CancellationToken.None);

        Assert.Equal((0, 3), (interrupted.Sent, interrupted.Retrying));
        Assert.All(midway, d => Assert.Equal((DeliveryStatus.Pending, 1), (d.Status, d.PartsSent)));
        Assert.All(midway, d => Assert.StartsWith("part 2 of ", d.LastError ?? "part 2 of (no error)"));
        Assert.Equal(3, resumed.Sent);
        Assert.All(ids, id => Assert.Equal(DeliveryStatus.Sent, store.Get(id)!.Status));

        var outbox = OutboxMessage.From(brief);
        var slackParts = SlackMessageRenderer.Render(outbox.ToReply(), outbox.Title()).Count;
        var teamsParts = TeamsCardRenderer.Render(outbox.ToReply(), outbox.Title()).Count;
        var discordParts = DiscordReplyRenderer.Render(outbox.ToReply(), ephemeral: false).Count;
        Assert.True(slackParts > 2 && teamsParts > 2 && discordParts > 2, $"parts: {slackParts}, {teamsParts}, {discordParts}");
        // One post more than there are parts (the refused part 2), and each part accepted exactly once.
        Assert.Equal((slackParts + 1, slackParts), (_slack.Posts, _slack.Messages.Count));
        Assert.Equal((teamsParts + 1, teamsParts), (_teams.Posts, _teams.Cards.Count));
        Assert.Equal(discordParts + 1, _discord.Requests.Count(r => r.Is("POST", "/api/webhooks/77/")));
        Assert.Equal(discordParts, _discord.CreatedMessages.Count);
        // What arrived is each rendered part once, in order: no part of the first attempt repeated, none lost.
        Assert.Equal(SlackMessageRenderer.Render(outbox.ToReply(), outbox.Title()).Select(m => m.ToJsonString()), _slack.Messages.Select(m => m.ToJsonString()));
        Assert.Equal(TeamsCardRenderer.Render(outbox.ToReply(), outbox.Title()).Select(m => m["attachments"]![0]!["content"]!.ToJsonString()), _teams.Cards.Select(c => c.ToJsonString()));
        var rendered = DiscordReplyRenderer.Render(outbox.ToReply(), ephemeral: false)
            .Select(p => SlackTeamsDeliveryTests.Strings(System.Text.Json.JsonSerializer.SerializeToNode(p, DiscordJson.Options)));
        Assert.Equal(rendered, _discord.CreatedMessages.Select(m => SlackTeamsDeliveryTests.Strings(m.Body)));
        Assert.Empty(_slack.Violations);
        Assert.Empty(_teams.Violations);
        Assert.Empty(_discord.Violations);
    }

    [Fact]
    public async Task AOneMessageDelivery_RecordsNoPartProgress_AndIsSentWhole()
    {
        var db = NewsBriefDatabase.Open(_dir.Path);
        var store = new DeliveryStore(db);
        var id = store.Add(SlackTeamsDeliveryTests.BigBrief(stories: 2, sentenceLength: 100) with
        {
            Destination = "slack:webhook:" + _slack.WebhookUrl, Created = _clock.GetUtcNow(),
        })!.Value;
        var options = new DeliveryOptions { SlackWebhookInterval = TimeSpan.Zero };
        var dispatcher = new DeliveryDispatcher(store, [new SlackSender(_http, new SlackOptions(), options.WebhookTimeout)], options, _clock);

        var report = await dispatcher.SendDueAsync(CancellationToken.None);

        Assert.Equal(1, report.Sent);
        Assert.Single(_slack.Messages);
        Assert.Equal((DeliveryStatus.Sent, 0), (store.Get(id)!.Status, store.Get(id)!.PartsSent));
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _slack.DisposeAsync();
        await _teams.DisposeAsync();
        await _discord.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
