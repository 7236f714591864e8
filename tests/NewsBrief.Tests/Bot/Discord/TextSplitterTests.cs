using NewsBrief.Discord;

namespace NewsBrief.Tests.Bot.Discord;

/// <summary>Cutting long text at natural boundaries.</summary>
public sealed class TextSplitterTests
{
    [Fact]
    public void Split_CutsAtTheLastSentenceEndThatFits()
    {
        var pieces = TextSplitter.Split("One two. Three four. Five six.", 15);
        Assert.Equal(["One two.", "Three four.", "Five six."], pieces);
    }

    [Fact]
    public void Split_PrefersALineBreakToASentenceEnd()
    {
        var pieces = TextSplitter.Split("A b. C d\nE f. G h.", 15);
        Assert.Equal("A b. C d", pieces[0]);
    }

    [Fact]
    public void Split_ASentenceLongerThanTheLimit_IsCutBetweenWords()
    {
        var pieces = TextSplitter.Split("alpha beta gamma delta epsilon", 12);
        Assert.All(pieces, p => Assert.InRange(p.Length, 1, 12));
        Assert.Equal("alpha beta gamma delta epsilon", string.Join(' ', pieces));
    }

    [Fact]
    public void Split_AWordLongerThanTheLimit_IsCutHardButNeverAfterAnEscapingBackslash()
    {
        var pieces = TextSplitter.Split("abcdefgh\\*ij", 9);
        Assert.Equal(["abcdefgh", "\\*ij"], pieces);
    }

    [Fact]
    public void Split_ShortText_IsOnePieceAndEmptyTextIsNone()
    {
        Assert.Equal(["short"], TextSplitter.Split("short", 100));
        Assert.Empty(TextSplitter.Split("  ", 100));
    }
}
