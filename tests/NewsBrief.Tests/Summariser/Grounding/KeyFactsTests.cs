using NewsBrief.Summariser.Grounding;

namespace NewsBrief.Tests.Summariser.Grounding;

public sealed class KeyFactsTests
{
    [Fact]
    public void Numbers_FindsAmountsPercentagesAndYearsNormalised() =>
        Assert.Equal(["1200", "4.5", "2024", "3"], KeyFacts.Numbers("A $1,200 fine, 4.50% more, in 2024, for 3 firms."));

    [Fact]
    public void Names_FindsMultiwordNamesAndSkipsTheCapitalisedFirstWord() =>
        Assert.Equal(["European Commission", "TikTok"], KeyFacts.Names("Officials at the European Commission said TikTok must comply."));

    [Fact]
    public void NameOccursIn_IsCaseInsensitiveAndWholeWord()
    {
        Assert.True(KeyFacts.NameOccursIn("European Commission", "the european commission said"));
        Assert.False(KeyFacts.NameOccursIn("Meta", "metadata was shared"));
    }

    [Fact]
    public void NameOccursIn_FindsANameInsideAPossessiveOrHyphenatedWord()
    {
        Assert.True(KeyFacts.NameOccursIn("Meta", "Meta's lawyers said"));
        Assert.True(KeyFacts.NameOccursIn("Luc", "Jean-Luc Mélenchon said"));
    }
}
