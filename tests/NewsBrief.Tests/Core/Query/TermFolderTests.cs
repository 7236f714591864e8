using NewsBrief.Core.Query;

namespace NewsBrief.Tests.Core.Query;

public class TermFolderTests
{
    [Theory]
    [InlineData("TikTok's ban, U.S.-wide!", new[] { "tiktok", "s", "ban", "u", "s", "wide" })]
    [InlineData("Café Zürich naïve São Paulo", new[] { "cafe", "zurich", "naive", "sao", "paulo" })]
    [InlineData("Łódź Straße Øresund", new[] { "lodz", "strasse", "oresund" })]
    [InlineData("COVID-19 in 2024", new[] { "covid", "19", "in", "2024" })]
    [InlineData("Москва 東京 😀 x", new[] { "москва", "東京", "x" })]
    [InlineData("  \t\n ", new string[0])]
    public void Words_SplitsOnNonLettersAndFoldsCaseAndAccents(string text, string[] expected) =>
        Assert.Equal(expected, TermFolder.Words(text));

    [Fact]
    public void Words_DecomposedAndComposedAccents_FoldAlike() =>
        Assert.Equal(TermFolder.Words("Cafe\u0301"), TermFolder.Words("Caf\u00e9"));

    [Fact]
    public void Words_LoneSurrogate_IsASeparatorNotACrash() =>
        Assert.Equal(["a", "b"], TermFolder.Words("a\ud800b"));
}
