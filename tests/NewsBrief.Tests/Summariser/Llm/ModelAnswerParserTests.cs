using NewsBrief.Summariser.Llm;

namespace NewsBrief.Tests.Summariser.Llm;

public sealed class ModelAnswerParserTests
{
    [Fact]
    public void Parse_ReadsObjectsWithCitations()
    {
        var draft = ModelAnswerParser.Parse("""{"headline":"H","sentences":[{"text":"A.","citations":[1,2]}]}""");

        Assert.Equal("H", draft.Headline);
        Assert.Equal([1, 2], draft.Sentences.Single().Citations);
    }

    [Fact]
    public void Parse_IgnoresCodeFencesAndChatterAroundTheJson()
    {
        var draft = ModelAnswerParser.Parse("Sure, here it is:\n```json\n{\"headline\":\"H {x}\",\"sentences\":[]}\n```\nAnything else?");

        Assert.Equal("H {x}", draft.Headline);
    }

    [Fact]
    public void Parse_AcceptsStringSentencesWithMarkers()
    {
        var draft = ModelAnswerParser.Parse("""{"headline":"H","sentences":["A happened [1].","B followed [2, 3]."]}""");

        Assert.Equal([[1], [2, 3]], draft.Sentences.Select(s => s.Citations.ToArray()));
    }

    [Fact]
    public void Parse_AcceptsCitationsWrittenAsStrings()
    {
        var draft = ModelAnswerParser.Parse("""{"headline":"H","sentences":[{"text":"A.","citations":["[1]","2"]}]}""");

        Assert.Equal([1, 2], draft.Sentences.Single().Citations);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("Montana banned TikTok.", "no JSON object")]
    [InlineData("{\"headline\":\"H\"}", "no \"sentences\" array")]
    [InlineData("{\"headline\": \"H\", \"sentences\": [", "no JSON object")]
    public void Parse_WhenNothingIsUsable_ThrowsWithAReadableReason(string content, string expected)
    {
        var e = Assert.Throws<FormatException>(() => ModelAnswerParser.Parse(content));

        Assert.Contains(expected, e.Message);
    }
}
