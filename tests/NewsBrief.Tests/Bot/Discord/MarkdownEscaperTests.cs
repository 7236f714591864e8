using NewsBrief.Discord;

namespace NewsBrief.Tests.Bot.Discord;

/// <summary>Escaping of Discord markdown in article text.</summary>
public sealed class MarkdownEscaperTests
{
    [Theory]
    [InlineData("*bold* _it_ ~~s~~ `code` ||spoiler||", "\\*bold\\* \\_it\\_ \\~\\~s\\~\\~ \\`code\\` \\|\\|spoiler\\|\\|")]
    [InlineData("> quote\n# Heading\n- item\n  - nested", "\\> quote\n\\# Heading\n\\- item\n  \\- nested")]
    [InlineData("[click](https://evil.example)", "\\[click\\]\\(https://evil.example\\)")]
    [InlineData("C:\\path", "C:\\\\path")]
    [InlineData("well-known 3-2 score", "well-known 3-2 score")]
    [InlineData("", "")]
    public void Escape_BackslashesEveryMarkdownCharacter(string input, string expected) =>
        Assert.Equal(expected, MarkdownEscaper.Escape(input));

    [Fact]
    public void Escape_KeepsMentionsAsTyped_SinceAllowedMentionsIsWhatStopsPings()
    {
        Assert.Equal("@everyone <@123\\>", MarkdownEscaper.Escape("@everyone <@123>"));
    }
}
