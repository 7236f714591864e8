using NewsBrief.Bot.Deliveries;

namespace NewsBrief.Tests.Bot.Deliveries;

public sealed class DestinationTests
{
    [Theory]
    [InlineData("console", "console")]
    [InlineData("CONSOLE", "console")]
    [InlineData("discord:channel:123456789012345678", "discord:channel:123456789012345678")]
    [InlineData("discord:dm:42", "discord:dm:42")]
    [InlineData("webhook:https://hooks.example/abc", "webhook:https://hooks.example/abc")]
    [InlineData("email:Me@Example.org, you@example.org,me@example.org", "email:me@example.org,you@example.org")]
    [InlineData("slack:webhook:https://hooks.slack.com/services/T1/B2/xyz", "slack:webhook:https://hooks.slack.com/services/T1/B2/xyz")]
    [InlineData("slack:channel:c0123456789", "slack:channel:C0123456789")]
    [InlineData("teams:webhook:https://prod.example.logic.azure.com/workflows/abc?sig=s", "teams:webhook:https://prod.example.logic.azure.com/workflows/abc?sig=s")]
    public void Parse_OfAKnownDestination_ReadsBackAsItsStoredForm(string text, string stored) =>
        Assert.Equal(stored, Destination.Parse(text).ToString());

    [Theory]
    [InlineData("email:me", "'me' is not an e-mail address")]
    [InlineData("email:", "give at least one address")]
    [InlineData("slack:channel:#general", "is not a Slack channel id")]
    [InlineData("teams:webhook:not a url", "is not an http or https URL")]
    [InlineData("sms:+441234", "unknown destination")]
    [InlineData("discord:channel:general", "is not a Discord id")]
    [InlineData("webhook:ftp://files.example/x", "is not an http or https URL")]
    [InlineData("", "unknown destination")]
    public void TryParse_OfABadDestination_SaysWhatIsWrong(string text, string error)
    {
        Assert.False(Destination.TryParse(text, out _, out var message));
        Assert.Contains(error, message);
    }

    [Fact]
    public void Redacted_OfAWebhook_HidesItsSecretPath() =>
        Assert.Equal("webhook:https://hooks.example/…", Destination.Parse("webhook:https://hooks.example/secret-token").Redacted);

    [Theory]
    [InlineData("slack:webhook:https://hooks.slack.com/services/T1/B2/secret", "slack:webhook:https://hooks.slack.com/…")]
    [InlineData("teams:webhook:https://prod.example.logic.azure.com/workflows/abc?sig=secret", "teams:webhook:https://prod.example.logic.azure.com/…")]
    public void Redacted_OfSlackAndTeamsWebhooks_ShowsOnlyTheHost(string text, string shown) => Assert.Equal(shown, Destination.Parse(text).Redacted);

    [Fact]
    public void TryParse_OfABadSlackUrl_DoesNotEchoTheSecret()
    {
        Assert.False(Destination.TryParse("slack:webhook:hooks.slack.com/services/T1/B2/secret", out _, out var message));
        Assert.DoesNotContain("secret", message);
    }
}
