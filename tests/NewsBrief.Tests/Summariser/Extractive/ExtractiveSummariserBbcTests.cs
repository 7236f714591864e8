using System.Text.Json;
using NewsBrief.Summariser.Evaluation;
using NewsBrief.Summariser.Extractive;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Summariser.Extractive;

/// <summary>A quick ROUGE check on real data: the first 20 BBC News Summary articles at 40% of sentences.</summary>
public sealed class ExtractiveSummariserBbcTests
{
    [SharedDataFact]
    public void SummariseRatio_OnTwentyBbcArticles_BeatsLeadAtTheSameRatioOnRouge2()
    {
        var scorer = new RougeScorer(useStemmer: true);
        var engine = new ExtractiveSummariser();
        double ours = 0, lead = 0;
        var items = File.ReadLines(SharedData.Path("summarisation", "bbc-news-summary", "train.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(r => r.GetProperty("duplicate_of").GetString() is null or "None")
            .Take(20)
            .ToList();
        Assert.Equal(20, items.Count);
        foreach (var item in items)
        {
            var article = item.GetProperty("article").GetString()!;
            var reference = item.GetProperty("reference").GetString()!;
            var doc = new SummaryDocument(0, item.GetProperty("title").GetString()!, article);
            var split = SentenceSplitter.Split(article);
            var summary = string.Join('\n', engine.SummariseRatio([doc], 0.4).Select(p => p.Text));
            var leadSummary = string.Join('\n', split.Take(ExtractiveSummariser.SentenceCount(split.Count, 0.4)));
            ours += scorer.RougeN(reference, summary, 2).F1;
            lead += scorer.RougeN(reference, leadSummary, 2).F1;
        }
        Assert.True(ours > lead, $"ROUGE-2 F1 over 20 articles: engine {100 * ours / 20:F2}, Lead 40% {100 * lead / 20:F2}");
    }
}
