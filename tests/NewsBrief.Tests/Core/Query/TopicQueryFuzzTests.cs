using NewsBrief.Core.Query;

namespace NewsBrief.Tests.Core.Query;

public class TopicQueryFuzzTests
{
    private static readonly string[] Pieces =
        ["tiktok", "ban", "AND", "OR", "NOT", "-", "(", ")", "\"", "*", "title:", "source:", "author:", ":", " ", "  ",
         "café", "é", "\u0301", "\ud800", "ß", "a", "x*", "pro*", "--", "\t", "\n", "&", "日本", "😀", "0", "-(", "\"a b\""];

    [Fact]
    public void Parse_OnRandomInput_OnlyEverThrowsQueryParseException()
    {
        var random = new Random(20261126);
        var doc = DocumentTerms.From(new QueryDocument("TikTok ban café 日本", "a b pro x", "bbc-news", "BBC"));
        for (var i = 0; i < 20_000; i++)
        {
            var text = i % 2 == 0 ? FromPieces(random) : FromChars(random);
            if (TopicQuery.TryParse(text, out var query, out var error))
            {
                // Whatever parses must also evaluate and explain without throwing.
                query!.Matches(doc);
                query.Explain(doc).ToString();
            }
            else
            {
                Assert.InRange(error!.Position, 0, Math.Max(text.Length, 0));
            }
        }
    }

    [Fact]
    public void Parse_DeeplyNestedInput_IsHandled()
    {
        var nested = new string('(', 400) + "a" + new string(')', 400);
        Assert.True(TopicQuery.Parse(nested).Matches(new QueryDocument("a", "", "")));
        var negations = string.Concat(Enumerable.Repeat("NOT ", 240)) + "a";
        Assert.True(TopicQuery.Parse(negations).Matches(new QueryDocument("a", "", "")));
    }

    private static string FromPieces(Random random) =>
        string.Concat(Enumerable.Range(0, random.Next(0, 12)).Select(_ => Pieces[random.Next(Pieces.Length)]));

    private static string FromChars(Random random) =>
        new(Enumerable.Range(0, random.Next(0, 30)).Select(_ => (char)random.Next(0, 0x3000)).ToArray());
}
