using NewsBrief.Core.Query;

namespace NewsBrief.Tests.Core.Query;

/// <summary>A lowercase and/or/not between terms is a word, not an operator; errors and explain say so.</summary>
public sealed class LowercaseOperatorsTests
{
    [Theory]
    [InlineData("tiktok or douyin", "or", 7)]
    [InlineData("tiktok and ban", "and", 7)]
    [InlineData("tiktok not rumour", "not", 7)]
    [InlineData("(tiktok Or douyin) ban", "Or", 8)]
    [InlineData("\"white house\" or congress", "or", 14)]
    public void In_FindsTheLookAlikeBetweenTwoTerms(string query, string word, int start)
    {
        var found = Assert.Single(LowercaseOperators.In(query));

        Assert.Equal((word, start, word.ToUpperInvariant()), (found.Word, found.Start, found.Operator));
    }

    [Theory]
    [InlineData("tiktok OR douyin")]         // the operator itself
    [InlineData("or tiktok")]                // nothing before it: a word
    [InlineData("tiktok or")]                // nothing after it
    [InlineData("\"rock and roll\" tour")]   // inside a phrase
    [InlineData("oregon ordnance nothing")]  // only whole words
    public void In_IgnoresOperatorsEdgesPhrasesAndLongerWords(string query)
    {
        Assert.Empty(LowercaseOperators.In(query));
    }

    [Fact]
    public void Parse_AnErrorInAQueryWithALowercaseOr_HintsAtOR()
    {
        var error = Assert.Throws<QueryParseException>(() => TopicQuery.Parse("(tiktok or douyin"));

        Assert.Equal(0, error.Position);
        Assert.Contains("never closed", error.Reason);
        Assert.Equal("'or' at position 9 is a word to look for, not an operator (operators are uppercase): did you mean OR?", error.Hint);
        Assert.EndsWith("(at position 1); 'or' at position 9 is a word to look for, not an operator (operators are uppercase): did you mean OR?", error.Message);
    }

    [Fact]
    public void Parse_AnErrorWithoutALookAlike_HasNoHint()
    {
        var error = Assert.Throws<QueryParseException>(() => TopicQuery.Parse("(tiktok OR douyin"));

        Assert.Null(error.Hint);
        Assert.EndsWith("(at position 1)", error.Message);
    }

    [Fact]
    public void Hint_CountsTheOthers()
    {
        Assert.StartsWith("'and' at position 8 (and 1 more) is a word", LowercaseOperators.Hint("tiktok and ban or block"));
    }

    [Fact]
    public void In_OfAHugeQuery_IsOnePass()
    {
        var query = string.Join(" or ", Enumerable.Repeat("tiktok", 200_000));

        Assert.Equal(199_999, LowercaseOperators.In(query).Count);
    }
}
