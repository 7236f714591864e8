using NewsBrief.Core.Query;

namespace NewsBrief.Tests.Core.Query;

public class TopicQueryMatchTests
{
    private static QueryDocument Doc(string title, string body = "", string source = "bbc-news", string sourceName = "BBC News") =>
        new(title, body, source, sourceName);

    private static bool Matches(string query, QueryDocument doc) => TopicQuery.Parse(query).Matches(doc);

    [Theory]
    [InlineData("zelenskyy", "Zelenskyy meets Biden")]
    [InlineData("Zelenskyy", "ZELENSKYY meets Biden")]
    [InlineData("café", "The cafe reopened")]
    [InlineData("cafe", "Le Café de Flore reopened")]
    [InlineData("Łódź", "Storm hits Lodz")]
    [InlineData("straße", "Closed strasse in Berlin")]
    public void Word_IsCaseAndAccentInsensitive(string query, string title) => Assert.True(Matches(query, Doc(title)));

    [Theory]
    [InlineData("ban", "Bank raises rates")]
    [InlineData("ban", "Banning books")]
    [InlineData("court", "Courtney wins")]
    public void Word_MatchesWholeWordsOnly(string query, string title) => Assert.False(Matches(query, Doc(title)));

    [Fact]
    public void Word_MatchesBetweenPunctuation() => Assert.True(Matches("ban", Doc("TikTok (ban) - \"ban\", ban.")));

    [Fact]
    public void Phrase_NeedsConsecutiveWords()
    {
        Assert.True(Matches("\"supreme court\"", Doc("The Supreme Court rules")));
        Assert.False(Matches("\"supreme court\"", Doc("Supreme leader visits court")));
    }

    [Fact]
    public void Phrase_DoesNotSpanTitleAndBody() =>
        Assert.False(Matches("\"rules today\"", Doc("Court rules", "Today the court said")));

    [Fact]
    public void HyphenatedWord_IsMatchedAsAPhrase()
    {
        Assert.True(Matches("covid-19", Doc("New COVID 19 wave")));
        Assert.False(Matches("covid-19", Doc("19 new covid cases")));
    }

    [Theory]
    [InlineData("prohibit*", "Prohibition returns", true)]
    [InlineData("prohibit*", "They prohibit it", true)]
    [InlineData("prohibit*", "Prohibiting alcohol", true)]
    [InlineData("prohibit*", "Exhibit opens", false)]
    [InlineData("prohibit*", "Prohibi", false)]
    public void Prefix_MatchesWordsStartingWithTheStem(string query, string title, bool expected) =>
        Assert.Equal(expected, Matches(query, Doc(title)));

    [Fact]
    public void ImplicitAnd_NeedsEveryWord()
    {
        Assert.True(Matches("tiktok ban", Doc("TikTok faces ban")));
        Assert.False(Matches("tiktok ban", Doc("TikTok grows")));
        Assert.True(Matches("tiktok AND ban", Doc("TikTok", "a ban looms")));
    }

    [Fact]
    public void Or_NeedsAnyBranch()
    {
        Assert.True(Matches("tiktok OR instagram", Doc("Instagram changes feed")));
        Assert.False(Matches("tiktok OR instagram", Doc("Facebook changes feed")));
    }

    [Fact]
    public void Not_AndLeadingMinus_ExcludeDocuments()
    {
        Assert.False(Matches("tiktok -rumour", Doc("TikTok ban rumour")));
        Assert.True(Matches("tiktok -rumour", Doc("TikTok ban confirmed")));
        Assert.False(Matches("tiktok NOT rumour", Doc("TikTok ban rumour")));
        Assert.False(Matches("tiktok -\"just a rumour\"", Doc("TikTok ban: just a rumour")));
        Assert.True(Matches("tiktok -\"just a rumour\"", Doc("TikTok ban: a rumour, just that")));
    }

    [Fact]
    public void Precedence_IsNotThenAndThenOr()
    {
        // a b OR c -d  ==  (a AND b) OR (c AND NOT d)
        const string query = "alpha beta OR gamma -delta";
        Assert.True(Matches(query, Doc("alpha beta delta")));
        Assert.True(Matches(query, Doc("gamma")));
        Assert.False(Matches(query, Doc("gamma delta")));
        Assert.False(Matches(query, Doc("alpha delta")));
    }

    [Fact]
    public void Parentheses_Group()
    {
        Assert.True(Matches("(tiktok OR instagram) ban", Doc("Instagram ban")));
        Assert.False(Matches("(tiktok OR instagram) ban", Doc("Instagram grows", "tiktok too")));
        Assert.True(Matches("tiktok -(rumour OR hoax)", Doc("TikTok ban")));
        Assert.False(Matches("tiktok -(rumour OR hoax)", Doc("TikTok ban hoax")));
    }

    [Fact]
    public void LowercaseOperators_AreOrdinaryWords()
    {
        Assert.False(Matches("rock or roll", Doc("Rock music")));
        Assert.True(Matches("rock or roll", Doc("Rock or roll?")));
    }

    [Fact]
    public void TitleField_LooksOnlyAtTheHeadline()
    {
        Assert.True(Matches("title:ban", Doc("TikTok ban", "nothing")));
        Assert.False(Matches("title:ban", Doc("TikTok news", "a ban")));
        Assert.True(Matches("title:(ban OR block)", Doc("Block on TikTok")));
        Assert.True(Matches("title:\"tiktok ban\"", Doc("The TikTok ban")));
    }

    [Fact]
    public void SourceField_MatchesTheSourceIdOrNameWords()
    {
        Assert.True(Matches("ban source:bbc", Doc("Ban", source: "bbc-news", sourceName: "")));
        Assert.True(Matches("ban source:guardian", Doc("Ban", source: "g1", sourceName: "The Guardian")));
        Assert.True(Matches("ban source:bbc-news", Doc("Ban")));
        Assert.False(Matches("ban source:reuters", Doc("Ban")));
        Assert.False(Matches("bbc", Doc("Ban")));
    }

    [Fact]
    public void FieldPrefix_IsCaseInsensitive() => Assert.True(Matches("Title:ban", Doc("Ban")));

    [Fact]
    public void MatchedTerms_ListsThePositiveTermsFound()
    {
        var query = TopicQuery.Parse("tiktok (ban OR block) \"white house\" -rumour");
        Assert.Equal(["tiktok", "ban", "block", "\"white house\""], query.Terms);
        Assert.Equal(["tiktok", "ban"], query.MatchedTerms(Doc("TikTok ban")));
    }

    [Fact]
    public void Matches_SameResultForPreTokenisedDocument()
    {
        var doc = Doc("TikTok ban", "The White House said");
        var terms = DocumentTerms.From(doc);
        foreach (var q in new[] { "tiktok", "\"white house\"", "title:white", "ban -said" })
            Assert.Equal(TopicQuery.Parse(q).Matches(doc), TopicQuery.Parse(q).Matches(terms));
    }

    [Fact]
    public void Text_AndToString_AreTheQueryAsWritten()
    {
        var query = TopicQuery.Parse("TikTok  AND ban");
        Assert.Equal("TikTok  AND ban", query.Text);
        Assert.Equal("TikTok  AND ban", query.ToString());
    }
}
