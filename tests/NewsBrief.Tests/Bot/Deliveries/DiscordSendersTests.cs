using Microsoft.Extensions.Time.Testing;
using NewsBrief.Bot.Deliveries;
using NewsBrief.Discord;
using NewsBrief.Core.Domain;
using NewsBrief.Tests.Bot.Discord.Fake;

namespace NewsBrief.Tests.Bot.Deliveries;

/// <summary>Outbox rows delivered to Discord channels, DMs and webhooks, against the fake Discord on 127.0.0.1.</summary>
public sealed class DiscordSendersTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));
    private readonly FakeDiscord _fake;

    public DiscordSendersTests() => _fake = new FakeDiscord(_time);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private DiscordRestClient Rest() => new(_http, new DiscordOptions { Token = FakeDiscord.Token, ApiBaseUrl = _fake.ApiBaseUrl }, TimeProvider.System);

    private static Delivery Alert(string destination, string text = "TikTok ban vote delayed @everyone [1]\n[1] https://news.example/tiktok") => new()
    {
        Destination = destination, Kind = "alert", IdempotencyKey = "alert:7:1234", Payload = "{}", Text = text,
    };

    [Fact]
    public async Task Channel_SendTwice_PostsOnceWithANonceFromTheOutboxKeyAndNoMentions()
    {
        var sender = new DiscordChannelSender(Rest);
        var destination = Destination.Parse("discord:channel:123");

        var first = await sender.SendAsync(Alert("discord:channel:123"), destination, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(90)); // the process crashed after the post and restarted 90 s later: inside Discord's window
        var again = await sender.SendAsync(Alert("discord:channel:123"), destination, CancellationToken.None);

        Assert.Equal((SendOutcome.Sent, SendOutcome.Sent), (first.Outcome, again.Outcome));
        Assert.Equal(first.MessageId, again.MessageId);
        var posts = _fake.Requests.Where(r => r.Is("POST", "/channels/123/messages")).ToList();
        Assert.Equal(2, posts.Count);
        Assert.All(posts, p => Assert.Equal(DiscordChannelSender.Nonce("alert:7:1234", 0), p.Body!["nonce"]!.GetValue<string>()));
        Assert.Single(_fake.CreatedMessages);
        Assert.Empty(_fake.Violations);
    }

    [Fact]
    public async Task Channel_ResentAfterDiscordsNonceWindow_PostsASecondMessage()
    {
        // What really happens when a crashed process comes back late: Discord remembers a nonce for a few minutes
        // only, so the outbox's resend of a row left in flight becomes a second message. The nonce cannot prevent it.
        var sender = new DiscordChannelSender(Rest);
        var destination = Destination.Parse("discord:channel:123");

        var first = await sender.SendAsync(Alert("discord:channel:123"), destination, CancellationToken.None);
        _time.Advance(FakeDiscord.NonceWindow + TimeSpan.FromMinutes(1));
        var late = await sender.SendAsync(Alert("discord:channel:123"), destination, CancellationToken.None);

        Assert.Equal((SendOutcome.Sent, SendOutcome.Sent), (first.Outcome, late.Outcome));
        Assert.NotEqual(first.MessageId, late.MessageId);
        Assert.Equal(2, _fake.CreatedMessages.Count);
    }

    [Fact]
    public async Task DirectMessage_OpensTheUsersDmChannelThenPosts()
    {
        _fake.Script(r => r.Is("POST", "/users/@me/channels"), new FakeResponse(200, """{"id":"555","type":1}"""));
        var sender = new DiscordChannelSender(Rest);

        var result = await sender.SendAsync(Alert("discord:dm:42"), Destination.Parse("discord:dm:42"), CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        var open = Assert.Single(_fake.Requests, r => r.Is("POST", "/users/@me/channels"));
        Assert.Equal("42", open.Body!["recipient_id"]!.GetValue<string>());
        Assert.Contains(_fake.Requests, r => r.Is("POST", "/channels/555/messages"));
    }

    [Fact]
    public async Task Channel_NotConnectedYet_IsRetried_AndA403IsPermanent()
    {
        var waiting = await new DiscordChannelSender(() => null).SendAsync(Alert("discord:channel:1"), Destination.Parse("discord:channel:1"), CancellationToken.None);
        _fake.Script(r => r.Is("POST", "/channels/9/messages"), new FakeResponse(403, """{"code":50013,"message":"Missing Permissions"}"""));
        var refused = await new DiscordChannelSender(Rest).SendAsync(Alert("discord:channel:9"), Destination.Parse("discord:channel:9"), CancellationToken.None);

        Assert.Equal(SendOutcome.Retryable, waiting.Outcome);
        Assert.Equal(SendOutcome.Permanent, refused.Outcome);
        Assert.Contains("Missing Permissions", refused.Error);
    }

    [Fact]
    public async Task Webhook_ADiscordWebhookUrl_GetsDiscordsFormat_OtherWebhooksAreLeftToTheGenericSender()
    {
        var sender = new DiscordWebhookSender(_http);
        var hook = Destination.Parse("webhook:" + _fake.WebhookUrl);

        var result = await sender.SendAsync(Alert("webhook:" + _fake.WebhookUrl), hook, CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.False(sender.Handles(Destination.Parse("webhook:https://hooks.example/newsbrief")));
        var post = Assert.Single(_fake.Requests, r => r.Is("POST", "/api/webhooks/77/"));
        Assert.Contains("TikTok ban vote delayed", post.Body!.ToJsonString());
        Assert.Empty(_fake.Violations);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }
}
