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
    public void Parse_OfAKnownDestination_ReadsBackAsItsStoredForm(string text, string stored) =>
        Assert.Equal(stored, Destination.Parse(text).ToString());

    [Theory]
    [InlineData("email:me@example.org", "unknown destination")]
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
}
