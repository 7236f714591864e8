using NewsBrief.Scrapers.Dedup;

namespace NewsBrief.Tests.Scrapers.Dedup;

public sealed class ContentFingerprintTests
{
    private const string Title = "Supreme Court sides with police officers in two qualified immunity cases";

    private const string Text =
        "In two unsigned opinions Monday, the Supreme Court ruled in favor of police officers seeking qualified immunity " +
        "from allegations of excessive force. In both cases, the justices overturned lower court decisions that went " +
        "against the officers. The rulings, and the fact that no justice publicly dissented, suggest that the court is not " +
        "willing, at least for now, to radically transform how it considers qualified immunity cases. Qualified immunity is " +
        "a legal doctrine, developed by the courts, that shields law enforcement from liability for constitutional " +
        "violations including allegations of excessive force. One case involved an officer who put his knee on a man's back " +
        "during an arrest while trying to remove a knife from his pocket. In the other, two officers were sued by the estate " +
        "of a man whom they shot and killed after he raised a hammer at them in a garage in Oklahoma.";

    private const string Other =
        "Facebook said on Monday it would hire ten thousand people in the European Union over the next five years to build " +
        "the metaverse, a virtual world where people can work, play and shop. The company has been investing heavily in " +
        "augmented and virtual reality, and chief executive Mark Zuckerberg has described the metaverse as the next " +
        "generation of the internet. The hiring plan comes as the company faces scrutiny from lawmakers and regulators in " +
        "Washington and Brussels after a whistleblower leaked internal documents about harms on its platforms.";

    [Fact]
    public void ContentHash_IgnoresCaseWhitespacePunctuationAndAccents() =>
        Assert.Equal(
            ContentFingerprint.ContentHash("Café  owners win", "They said: \"we won!\"\n\nIt's over."),
            ContentFingerprint.ContentHash("cafe owners WIN", "they said we won. it's over"));

    [Fact]
    public void ContentHash_DiffersWhenOneWordChanges() =>
        Assert.NotEqual(ContentFingerprint.ContentHash(Title, Text), ContentFingerprint.ContentHash(Title, Text.Replace("Oklahoma", "Ohio")));

    [Fact]
    public void ContentHash_DoesNotLetTitleWordsSlideIntoTheText() =>
        Assert.NotEqual(ContentFingerprint.ContentHash("a b", "c"), ContentFingerprint.ContentHash("a", "b c"));

    [Fact]
    public void SimHash_OfTheSameTextReformatted_IsIdentical() =>
        Assert.Equal(ContentFingerprint.SimHash(Text), ContentFingerprint.SimHash("  " + Text.ToUpperInvariant().Replace(". ", ".\n\n")));

    [Fact]
    public void Compare_ASyndicatedCopyWithAFixedTypo_IsANearDuplicate() =>
        Assert.Equal(ContentMatch.NearDuplicate, ContentFingerprint.Compare(Title, Text, Title, Text.Replace("garage", "garden")));

    [Fact]
    public void Compare_AnUpdatedArticle_IsUpdatedNotNew()
    {
        var updated = Text + " Civil rights groups criticised the decisions, saying the doctrine leaves victims of police " +
                      "violence without a remedy. Lawmakers in Congress have tried for more than a year to limit qualified immunity " +
                      "as part of a police reform bill, but negotiations collapsed last month without an agreement.";
        var match = ContentFingerprint.Compare(Title, Text, Title, updated);
        Assert.Equal(ContentMatch.Updated, match);
    }

    [Fact]
    public void Compare_ADifferentArticle_IsDifferent() =>
        Assert.Equal(ContentMatch.Different, ContentFingerprint.Compare(Title, Text, "Facebook to hire 10,000 in EU", Other));

    [Fact]
    public void Compare_SameWords_IsIdentical() =>
        Assert.Equal(ContentMatch.Identical, ContentFingerprint.Compare(Title, Text, Title.ToUpperInvariant(), Text + "  "));

    [Fact]
    public void Distance_CountsDifferingBits()
    {
        Assert.Equal(0, ContentFingerprint.Distance(0xF0F0UL, 0xF0F0UL));
        Assert.Equal(64, ContentFingerprint.Distance(0UL, ulong.MaxValue));
        Assert.Equal(3, ContentFingerprint.Distance(0b1011UL, 0b0000UL));
        Assert.True(ContentFingerprint.IsNearDuplicate(0b111UL, 0UL));
        Assert.False(ContentFingerprint.IsNearDuplicate(0b1111UL, 0UL));
    }

    [Fact]
    public void IsNearDuplicate_WithNegativeDistance_ThrowsNamingTheArgument()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ContentFingerprint.IsNearDuplicate(1, 2, -1));
        Assert.Equal("maxDistance", error.ParamName);
    }

    [Fact]
    public void SimHash_OfNoWords_IsZero() => Assert.Equal(0UL, ContentFingerprint.SimHash(" ,. "));
}
