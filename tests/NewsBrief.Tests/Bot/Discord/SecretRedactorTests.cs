using NewsBrief.Discord;

namespace NewsBrief.Tests.Bot.Discord;

/// <summary>Secrets never reach a log line or an exception message.</summary>
public sealed class SecretRedactorTests
{
    private const string Token = "MTA5ODc2NTQzMjEwOTg3NjU0.GabcDE.secretsecretsecretsecret12";
    private const string Webhook = "https://discord.com/api/webhooks/123456/webhook-token-ABCdef_123";
    private readonly SecretRedactor _redactor = SecretRedactor.For(new DiscordOptions { Token = Token, WebhookUrl = Webhook });

    [Theory]
    [InlineData("Authorization: Bot " + Token)]
    [InlineData("token " + Token + " rejected")]
    [InlineData("POST " + Webhook + "?wait=true failed")]
    public void Redact_RemovesTheConfiguredSecrets(string line)
    {
        var redacted = _redactor.Redact(line);
        Assert.DoesNotContain(Token, redacted);
        Assert.DoesNotContain("webhook-token-ABCdef_123", redacted);
        Assert.Contains(SecretRedactor.Mask, redacted);
    }

    [Theory]
    [InlineData("PATCH /webhooks/4242/aW50ZXJhY3Rpb246OTk5/messages/@original", "aW50ZXJhY3Rpb246OTk5")]
    [InlineData("POST /interactions/99/aW50ZXJhY3Rpb246OTk5/callback", "aW50ZXJhY3Rpb246OTk5")]
    [InlineData("Authorization: Bot SomeOtherTokenThatIsLongEnough123", "SomeOtherTokenThatIsLongEnough123")]
    public void Redact_RemovesTokensItWasNotToldAbout_FromPathsAndHeaders(string line, string secret)
    {
        Assert.DoesNotContain(secret, _redactor.Redact(line));
    }

    [Fact]
    public void Redact_LeavesOrdinaryTextAlone()
    {
        Assert.Equal("Discord API 404 NotFound (code 10003): Unknown Channel", _redactor.Redact("Discord API 404 NotFound (code 10003): Unknown Channel"));
    }
}
