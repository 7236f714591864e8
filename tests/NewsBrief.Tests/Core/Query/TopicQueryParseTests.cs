using NewsBrief.Core.Query;

namespace NewsBrief.Tests.Core.Query;

public class TopicQueryParseTests
{
    private static QueryParseException Fails(string query) => Assert.Throws<QueryParseException>(() => TopicQuery.Parse(query));

    [Theory]
    [InlineData("", 0)]
    [InlineData("   ", 0)]
    public void Parse_EmptyQuery_IsRejected(string query, int position)
    {
        var error = Fails(query);
        Assert.Equal(position, error.Position);
        Assert.Contains("empty", error.Reason);
    }

    [Theory]
    [InlineData("(tiktok ban", 0, "never closed")]
    [InlineData("tiktok (ban OR (block)", 7, "never closed")]
    [InlineData("tiktok ban)", 10, "no matching '('")]
    [InlineData(")", 0, "no matching '('")]
    [InlineData("tiktok ()", 7, "empty parentheses")]
    [InlineData("tiktok \"white house", 7, "never closed")]
    [InlineData("tiktok \"\"", 7, "no words")]
    [InlineData("tiktok AND", 7, "'AND' needs a term after it")]
    [InlineData("tiktok OR", 7, "'OR' needs a term after it")]
    [InlineData("OR tiktok", 0, "'OR' needs a term before it")]
    [InlineData("AND tiktok", 0, "'AND' needs a term before it")]
    [InlineData("tiktok AND OR ban", 7, "'AND' needs a term after it")]
    [InlineData("tiktok NOT", 7, "'NOT' needs a term after it")]
    [InlineData("tiktok (ban AND)", 12, "'AND' needs a term after it")]
    [InlineData("tiktok - ban", 7, "'-' must be followed directly")]
    [InlineData("tiktok -", 7, "'-' must be followed directly")]
    [InlineData("p*", 0, "at least 2 letters")]
    [InlineData("tiktok *", 7, "at least 2 letters")]
    [InlineData("pro*bit", 3, "only allowed at the end")]
    [InlineData("tiktok &", 7, "no letters or digits")]
    [InlineData("title: ban", 0, "must be followed directly")]
    [InlineData("title:-ban", 6, "put the '-' before the field")]
    public void Parse_BadQuery_NamesTheProblemAndItsPosition(string query, int position, string reason)
    {
        var error = Fails(query);
        Assert.Equal(position, error.Position);
        Assert.Contains(reason, error.Reason);
    }

    [Fact]
    public void Parse_UnknownField_NamesItAndTheKnownFields()
    {
        var error = Fails("tiktok author:smith");
        Assert.Equal(7, error.Position);
        Assert.Contains("'author:'", error.Reason);
        Assert.Contains("title:", error.Reason);
        Assert.Contains("source:", error.Reason);
    }

    [Theory]
    [InlineData("-rumour", 0)]
    [InlineData("NOT rumour", 0)]
    [InlineData("-rumour -hoax", 0)]
    [InlineData("tiktok OR -rumour", 10)]
    [InlineData("(-a OR b) OR c -(x OR y)", 1)]
    public void Parse_QueryThatOnlyExcludes_IsRejected(string query, int position)
    {
        var error = Fails(query);
        Assert.Equal(position, error.Position);
        Assert.Contains("only excludes", error.Reason);
    }

    [Fact]
    public void Parse_QueryOverTheLengthLimit_IsRejected()
    {
        var error = Fails(new string('a', TopicQuery.MaxLength + 1));
        Assert.Equal(TopicQuery.MaxLength, error.Position);
        Assert.Contains("limit is 1000", error.Reason);
        TopicQuery.Parse(new string('a', TopicQuery.MaxLength));
    }

    [Fact]
    public void Parse_QueryWithTooManyTerms_IsRejectedAtTheFirstTermOverTheLimit()
    {
        var words = Enumerable.Range(0, TopicQuery.MaxTerms + 1).Select(i => "w" + i).ToArray();
        var error = Fails(string.Join(' ', words));
        Assert.Equal(string.Join(' ', words[..TopicQuery.MaxTerms]).Length + 1, error.Position);
        Assert.Contains("more than 64 terms", error.Reason);
        TopicQuery.Parse(string.Join(' ', words[..TopicQuery.MaxTerms]));
    }

    [Fact]
    public void Exception_MessageShowsOneBasedPosition() =>
        Assert.Contains("(at position 8)", Fails("tiktok AND").Message);

    [Fact]
    public void TryParse_ReportsSuccessAndFailureWithoutThrowing()
    {
        Assert.True(TopicQuery.TryParse("tiktok ban", out var query, out var error));
        Assert.NotNull(query);
        Assert.Null(error);

        Assert.False(TopicQuery.TryParse("tiktok AND", out query, out error));
        Assert.Null(query);
        Assert.Equal(7, error!.Position);
    }

    [Theory]
    [InlineData("NOT NOT tiktok", "TikTok fined in Ireland", "Ministers meet in Geneva")]
    [InlineData("--tiktok", "TikTok fined in Ireland", "Ministers meet in Geneva")]
    [InlineData("tiktok -rumour -hoax", "TikTok fined in Ireland", "TikTok ban rumour denied")]
    [InlineData("tiktok -rumour -hoax", "TikTok fined in Ireland", "TikTok hoax spreads")]
    [InlineData("title:(apple OR banana) source:\"bbc news\"", "Banana prices rise", "Cherry prices rise")]
    [InlineData("10:30", "Talks resume at 10:30 on Monday", "Talks resume at 10 on Monday")]
    public void Parse_UnusualButMeaningfulQueries_AreAcceptedWithTheirMeaning(string query, string matching, string other)
    {
        var parsed = TopicQuery.Parse(query);

        Assert.True(parsed.Matches(new QueryDocument(matching, "", "bbc-news", "BBC News")), $"'{query}' should match '{matching}'");
        Assert.False(parsed.Matches(new QueryDocument(other, "", "bbc-news", "BBC News")), $"'{query}' should not match '{other}'");
    }

    [Fact]
    public void Parse_ASourceFilter_LeavesOtherSourcesOut() =>
        Assert.False(TopicQuery.Parse("title:(apple OR banana) source:\"bbc news\"").Matches(new QueryDocument("Banana prices rise", "", "reuters", "Reuters")));

    [Fact]
    public void Parse_UrlLikeWord_IsReadAsAnUnknownField() =>
        Assert.Contains("unknown field 'https:'", Fails("https://example.com").Reason);
}
