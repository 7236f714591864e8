using NewsBrief.Summariser.Extractive;

namespace NewsBrief.Tests.Summariser.Extractive;

public sealed class SentenceSplitterTests
{
    public static TheoryData<string, string[]> Golden => new()
    {
        { "The bill passed. Critics were unhappy.", ["The bill passed.", "Critics were unhappy."] },
        { "Mr. Smith met Dr. Jones at St. Paul's. They talked.", ["Mr. Smith met Dr. Jones at St. Paul's.", "They talked."] },
        { "Gen. Milley and Sen. Warren spoke to Rep. Khanna on Jan. 5.", ["Gen. Milley and Sen. Warren spoke to Rep. Khanna on Jan. 5."] },
        { "J. K. Rowling wrote it. Fans queued.", ["J. K. Rowling wrote it.", "Fans queued."] },
        { "Growth was 3.5% and sales hit $1.2bn. Shares rose.", ["Growth was 3.5% and sales hit $1.2bn.", "Shares rose."] },
        { "The U.S. and the U.K. agreed. Talks end today.", ["The U.S. and the U.K. agreed.", "Talks end today."] },
        { "Troops left the U.S. The war was over.", ["Troops left the U.S.", "The war was over."] },
        { "Acme Inc. said profits rose. Acme Ltd. Directors agreed.", ["Acme Inc. said profits rose.", "Acme Ltd. Directors agreed."] },
        { "Fruit, e.g. apples, i.e. food. It is good.", ["Fruit, e.g. apples, i.e. food.", "It is good."] },
        { "It opens at 9 a.m. The queue is long.", ["It opens at 9 a.m.", "The queue is long."] },
        { "Flat No. 10 was empty. Police came.", ["Flat No. 10 was empty.", "Police came."] },
        { "\"He left.\" She said it twice.", ["\"He left.\"", "She said it twice."] },
        { "“We will win,” he said. “Never!” she replied. Then silence.", ["“We will win,” he said.", "“Never!” she replied.", "Then silence."] },
        { "Is it over? Nobody knows! Wait and see.", ["Is it over?", "Nobody knows!", "Wait and see."] },
        { "He paused... and went on. Then... Nothing.", ["He paused... and went on.", "Then...", "Nothing."] },
        { "Stocks fell (sharply.) Bonds rose.", ["Stocks fell (sharply.)", "Bonds rose."] },
        { "Headline without a stop\nFirst sentence here. Second one.", ["Headline without a stop", "First sentence here.", "Second one."] },
        { "One paragraph.\r\n\r\nAnother paragraph.", ["One paragraph.", "Another paragraph."] },
        { "Key points:\n• Prices rose\n- Wages fell\n* Rents doubled", ["Key points:", "Prices rose", "Wages fell", "Rents doubled"] },
        { "The vote is on 12.03.2025 in Berlin. Turnout may be low.", ["The vote is on 12.03.2025 in Berlin.", "Turnout may be low."] },
        { "It ended in the 1990s. 2004 was different.", ["It ended in the 1990s.", "2004 was different."] },
        { "  ", [] },
    };

    [Theory]
    [MemberData(nameof(Golden))]
    public void Split_MatchesGolden(string text, string[] expected) => Assert.Equal(expected, SentenceSplitter.Split(text));

    [Fact]
    public void Split_CollapsesRunsOfWhitespaceInsideASentence() =>
        Assert.Equal(["A long gap here."], SentenceSplitter.Split("A  long\tgap here."));

    [Fact]
    public void Split_WhenTextIsNull_ThrowsNamingTheArgument() =>
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => SentenceSplitter.Split(null!)).ParamName);
}
