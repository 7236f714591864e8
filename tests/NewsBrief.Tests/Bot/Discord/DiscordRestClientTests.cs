using System.Net;
using Microsoft.Extensions.Time.Testing;
using NewsBrief.Discord;
using NewsBrief.Tests.Bot.Discord.Fake;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Bot.Discord;

/// <summary>The REST client against the fake Discord: rate limits, 429s, nonces, errors.</summary>
public sealed class DiscordRestClientTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));
    private readonly FakeDiscord _fake;

    public DiscordRestClientTests() => _fake = new FakeDiscord(_clock);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60); // a hang guard, not a measurement

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    private DiscordRestClient Client(TimeProvider? time = null) =>
        new(_http, new DiscordOptions { Token = FakeDiscord.Token, ApiBaseUrl = _fake.ApiBaseUrl }, time ?? TimeProvider.System);

    private static DiscordMessagePayload Hello => new() { Content = "Morning brief @everyone" };

    [Fact]
    public async Task CreateMessage_After429_WaitsRetryAfterThenPostsOnceWithTheSameNonce()
    {
        var time = new ObservedTimeProvider(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));
        _fake.Script(r => r.Is("POST", "/channels/123/messages"), FakeDiscord.TooManyRequests(5));

        var pending = Client(time).CreateMessageAsync("123", Hello, nonce: null, CancellationToken.None);
        var wait = await time.NextTimerAsync(); // the client is now waiting on the clock
        Assert.Equal(TimeSpan.FromSeconds(5), wait);
        Assert.False(pending.IsCompleted);
        Assert.Single(_fake.Requests, r => r.Is("POST", "/channels/123/messages"));
        time.Advance(wait);
        var id = await pending.WaitAsync(Timeout);

        var posts = _fake.Requests.Where(r => r.Is("POST", "/channels/123/messages")).ToList();
        Assert.Equal(2, posts.Count);
        var nonce = posts[0].Body!["nonce"]!.GetValue<string>();
        Assert.InRange(nonce.Length, 1, 25);
        Assert.All(posts, p => Assert.Equal(nonce, p.Body!["nonce"]!.GetValue<string>()));
        Assert.All(posts, p => Assert.True(p.Body!["enforce_nonce"]!.GetValue<bool>()));
        Assert.Single(_fake.CreatedMessages);
        Assert.False(string.IsNullOrEmpty(id));
        Assert.Empty(_fake.Violations);
    }

    [Fact]
    public async Task CreateMessage_SentAgainWithTheSameNonce_DoesNotPostTwice()
    {
        var client = Client();
        var first = await client.CreateMessageAsync("123", Hello, "delivery-42", CancellationToken.None).WaitAsync(Timeout);
        _clock.Advance(FakeDiscord.NonceWindow - TimeSpan.FromSeconds(1));
        var second = await client.CreateMessageAsync("123", Hello, "delivery-42", CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal(first, second);
        Assert.Single(_fake.CreatedMessages);
    }

    [Fact]
    public async Task CreateMessage_SentAgainWithTheSameNonceAfterTheWindow_PostsTwice()
    {
        var client = Client();
        var first = await client.CreateMessageAsync("123", Hello, "delivery-42", CancellationToken.None).WaitAsync(Timeout);
        _clock.Advance(FakeDiscord.NonceWindow);
        var second = await client.CreateMessageAsync("123", Hello, "delivery-42", CancellationToken.None).WaitAsync(Timeout);

        Assert.NotEqual(first, second);
        Assert.Equal(2, _fake.CreatedMessages.Count);
    }

    [Fact]
    public async Task Followup_On429_IsNotRetriedAndSaysWhenARetryMayHappen()
    {
        _fake.Script(r => r.Is("POST", "/webhooks/4242/"), FakeDiscord.TooManyRequests(2.5));

        var error = await Assert.ThrowsAsync<DiscordApiException>(() =>
            Client().CreateFollowupAsync("4242", "itoken-abcdefghijkl", Hello, CancellationToken.None).WaitAsync(Timeout));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.Status);
        Assert.Equal(TimeSpan.FromSeconds(2.5), error.RetryAfter);
        Assert.Single(_fake.Requests, r => r.Is("POST", "/webhooks/4242/"));
    }

    [Fact]
    public async Task AnExhaustedBucket_HoldsTheNextRequestOnThatChannelUntilItResets_OtherChannelsGoAtOnce()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-26T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var client = Client(time);
        _fake.Script(r => r.Is("POST", "/channels/5/messages"), new FakeResponse(200, """{"id":"1"}""", new Dictionary<string, string>
        {
            ["X-RateLimit-Limit"] = "5", ["X-RateLimit-Remaining"] = "0", ["X-RateLimit-Reset-After"] = "10", ["X-RateLimit-Bucket"] = "abc",
        }));
        await client.CreateMessageAsync("5", Hello, null, CancellationToken.None).WaitAsync(Timeout);

        var held = client.CreateMessageAsync("5", Hello, null, CancellationToken.None);
        await client.CreateMessageAsync("6", Hello, null, CancellationToken.None).WaitAsync(Timeout);
        Assert.False(held.IsCompleted);
        Assert.Single(_fake.Requests, r => r.Path.EndsWith("/channels/5/messages", StringComparison.Ordinal));

        time.Advance(TimeSpan.FromSeconds(10));
        await held.WaitAsync(Timeout);
        Assert.Equal(2, _fake.Requests.Count(r => r.Path.EndsWith("/channels/5/messages", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AnError_CarriesStatusCodeAndMessage_ButNeverTheInteractionToken()
    {
        const string interactionToken = "aW50ZXJhY3Rpb246OTk5OnNlY3JldA";
        _fake.Script(r => r.Method == "PATCH", new FakeResponse(404, """{"message":"Unknown interaction","code":10062}"""));

        var error = await Assert.ThrowsAsync<DiscordApiException>(() =>
            Client().EditOriginalResponseAsync("4242", interactionToken, Hello, CancellationToken.None).WaitAsync(Timeout));

        Assert.Equal((HttpStatusCode.NotFound, 10062), (error.Status, error.Code));
        Assert.Contains("Unknown interaction", error.Message);
        Assert.DoesNotContain(interactionToken, error.Message);
    }

    [Fact]
    public async Task StartThread_AsksForAPublicThread()
    {
        var id = await Client().StartThreadAsync("123", "Daily brief 26 Nov", CancellationToken.None).WaitAsync(Timeout);

        var request = Assert.Single(_fake.Requests, r => r.Is("POST", "/channels/123/threads"));
        Assert.Equal(11, request.Body!["type"]!.GetValue<int>());
        Assert.Equal("Daily brief 26 Nov", request.Body["name"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(id));
    }

    [Fact]
    public async Task AGlobal429_IsRetriedAfterItsWait()
    {
        _fake.Script(r => r.Method == "PUT", FakeDiscord.TooManyRequests(0.05, global: true));

        await Client().BulkOverwriteCommandsAsync("4242", null, SlashCommandCatalog.Definitions(), CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal(2, _fake.Requests.Count(r => r.Method == "PUT"));
    }
}
