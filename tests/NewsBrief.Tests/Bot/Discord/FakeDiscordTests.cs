using System.Text;
using NewsBrief.Tests.Bot.Discord.Fake;

namespace NewsBrief.Tests.Bot.Discord;

/// <summary>The fake's own checks can fail: otherwise "no violations" would prove nothing.</summary>
public sealed class FakeDiscordTests
{
    [Theory]
    [InlineData("""{"content":"@everyone"}""")]
    [InlineData("""{"content":"hi","allowed_mentions":{"parse":["users"]}}""")]
    public async Task AMessageWithMentionsEnabled_IsReportedAsAViolation(string body)
    {
        await using var fake = new FakeDiscord();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var request = new HttpRequestMessage(HttpMethod.Post, fake.ApiBaseUrl + "/channels/1/messages")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("User-Agent", "DiscordBot (test, 1)");
        request.Headers.TryAddWithoutValidation("Authorization", "Bot " + FakeDiscord.Token);

        using var response = await http.SendAsync(request);

        Assert.Contains(fake.Violations, v => v.Contains("allowed_mentions", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARequestWithoutTheBotHeader_IsReportedAsAViolation()
    {
        await using var fake = new FakeDiscord();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", "DiscordBot (test, 1)");

        using var response = await http.GetAsync(fake.ApiBaseUrl + "/gateway/bot");

        Assert.Contains(fake.Violations, v => v.Contains("Authorization", StringComparison.Ordinal));
    }
}
