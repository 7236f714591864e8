using NewsBrief.Bot.Chat;
using NewsBrief.Discord;
using NewsBrief.Tests.Bot.Discord.Fake;
using NewsBrief.Core.Chat;

namespace NewsBrief.Tests.Bot.Discord;

/// <summary>Webhook delivery against the fake Discord.</summary>
public sealed class DiscordWebhookClientTests : IAsyncLifetime
{
    private readonly FakeDiscord _fake = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60); // a hang guard, not a measurement

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task Send_PostsEmbedsWithWaitTrueAndMentionsOff()
    {
        var client = new DiscordWebhookClient(_http, _fake.WebhookUrl);

        var ids = await client.SendAsync(new ChatReply { Embeds = [new ReplyEmbed("Daily brief", "@everyone look")] }, CancellationToken.None).WaitAsync(Timeout);

        var request = Assert.Single(_fake.Requests);
        Assert.Equal("?wait=true", request.Query);
        Assert.Equal("Daily brief", request.Body!["embeds"]![0]!["title"]!.GetValue<string>());
        Assert.Single(ids);
        Assert.Empty(_fake.Violations);
    }

    [Fact]
    public async Task Send_AfterA404_StopsUsingTheWebhookWithAClearError()
    {
        _fake.Script(r => r.Path.StartsWith("/api/webhooks/", StringComparison.Ordinal), new FakeResponse(404, """{"message":"Unknown Webhook","code":10015}"""));
        var client = new DiscordWebhookClient(_http, _fake.WebhookUrl);

        var first = await Assert.ThrowsAsync<DiscordApiException>(() => client.SendAsync(ChatReply.Plain("one"), CancellationToken.None).WaitAsync(Timeout));
        var second = await Assert.ThrowsAsync<InvalidOperationException>(() => client.SendAsync(ChatReply.Plain("two"), CancellationToken.None).WaitAsync(Timeout));

        Assert.Contains("Discord:WebhookUrl", first.Message);
        Assert.Contains("no longer exists", second.Message);
        Assert.DoesNotContain("hook-secret-token-xyz", first.Message);
        Assert.True(client.IsDisabled);
        Assert.Single(_fake.Requests);
    }

    [Theory]
    [InlineData("https://discord.com/api/webhooks/123/abc-DEF_1", true)]
    [InlineData("https://discord.com/api/v10/webhooks/123/abc", true)]
    [InlineData("https://discord.com/channels/123/456", false)]
    [InlineData("not a url", false)]
    public void IsWebhookUrl_AcceptsOnlyDiscordWebhookAddresses(string url, bool expected) =>
        Assert.Equal(expected, DiscordWebhookClient.IsWebhookUrl(url));
}
