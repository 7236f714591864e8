using System.Text.Json;
using NewsBrief.Core.Query;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Core.Query;

public class RealArticleMatchTests
{
    private static List<QueryDocument> Articles(int stories)
    {
        var docs = new List<QueryDocument>();
        foreach (var line in File.ReadLines(SharedData.Path("clustering", "allsides", "stories.jsonl")).Take(stories))
        {
            using var json = JsonDocument.Parse(line);
            foreach (var a in json.RootElement.GetProperty("articles").EnumerateArray())
            {
                var source = a.GetProperty("source").GetString() ?? "";
                docs.Add(new QueryDocument(a.GetProperty("title").GetString() ?? "", a.GetProperty("body").GetString() ?? "", source.ToLowerInvariant(), source));
            }
        }
        return docs;
    }

    [SharedDataFact]
    public void Index_OnRealArticles_EqualsEvaluatingEveryQuery()
    {
        var docs = Articles(40);
        var writer = new RandomQueryWriter(seed: 11);
        var queries = Enumerable.Range(0, 1000).Select(_ => writer.NextQuery()).ToList();
        var index = new SubscriptionIndex();
        for (var id = 0; id < queries.Count; id++) index.Add(id, queries[id]);

        var anyMatch = false;
        foreach (var doc in docs)
        {
            var terms = DocumentTerms.From(doc);
            var expected = Enumerable.Range(0, queries.Count).Where(id => queries[id].Matches(terms)).Select(id => (long)id).ToList();
            Assert.Equal(expected, index.Match(terms));
            anyMatch |= expected.Count > 0;
        }
        Assert.True(anyMatch);
    }

    [SharedDataFact]
    public void Phrase_FromARealHeadline_MatchesItsArticleAndExplainsWhere()
    {
        var doc = Articles(1)[0];
        var headline = TermFolder.Words(doc.Title);
        var phrase = $"title:\"{headline[0]} {headline[1]}\"";

        var query = TopicQuery.Parse(phrase);

        Assert.True(query.Matches(doc));
        Assert.Equal($"matched: title:\"{headline[0]} {headline[1]}\" (title)", query.Explain(doc).ToString());
    }
}
