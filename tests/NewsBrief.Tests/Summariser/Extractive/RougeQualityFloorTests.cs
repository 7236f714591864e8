using NewsBrief.Benchmarks.Rouge;
using NewsBrief.Summariser.Extractive;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Summariser.Extractive;

/// <summary>
/// ROUGE floors, scored exactly as the `rouge` benchmark scores the README's figures (same loader, same scorer,
/// same Lead and TextRank baselines): a quick BBC subset near the measured figures, and the whole CNN/DM sample
/// (165 articles) guarding the engine's place against Lead-3 and TextRank.
/// </summary>
public sealed class RougeQualityFloorTests
{
    private const int R1Stem = 3, R2Stem = 4, RLsumStem = 5; // indexes into RougeTally.Means()

    private static (RougeTally Ours, RougeTally Lead, RougeTally TextRank) Run(IEnumerable<RougeItem> items, double? ratio, int sentences)
    {
        var engine = new ExtractiveSummariser();
        var ours = new RougeTally("ours");
        var lead = new RougeTally("lead");
        var textRank = new RougeTally("textrank");
        foreach (var item in items)
        {
            var doc = new SummaryDocument(0, item.Title, item.Article);
            var split = SentenceSplitter.Split(item.Article);
            var count = ratio is { } share ? ExtractiveSummariser.SentenceCount(split.Count, share) : sentences;
            var picked = ratio is { } q ? engine.SummariseRatio([doc], q) : engine.Summarise([doc], count);
            ours.Add(item.Reference, string.Join('\n', picked.Select(p => p.Text)));
            lead.Add(item.Reference, string.Join('\n', split.Take(count)));
            textRank.Add(item.Reference, string.Join('\n', TextRankBaseline.Summarise(split, count)));
        }
        return (ours, lead, textRank);
    }

    private static string Figures(RougeTally t) => string.Join(" / ", t.Means().Skip(3).Select(m => m.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)));

    [SharedDataFact]
    public void Bbc_EveryTenthArticle_StaysNearTheMeasuredRougeAndAheadOfTextRankAndLead()
    {
        // Whole set (README): ours 76.60 / 68.61 / 75.93 stemmed, TextRank 73.42 / 64.25 / 72.67, Lead 40% 62.39 / 49.08 / 61.09.
        var items = RougeItem.Load(SharedData.Path("summarisation", "bbc-news-summary", "train.jsonl"), null).Where((_, i) => i % 10 == 0).ToList();
        var (ours, lead, textRank) = Run(items, 0.4, 0);
        var m = ours.Means();
        var report = $"{items.Count} articles, stemmed R1/R2/RLsum: ours {Figures(ours)}, TextRank {Figures(textRank)}, Lead 40% {Figures(lead)}";

        Assert.True(items.Count >= 160, report);
        Assert.True(m[R1Stem] >= BbcFloor.R1 && m[R2Stem] >= BbcFloor.R2 && m[RLsumStem] >= BbcFloor.RLsum, $"below the floor {BbcFloor}: {report}");
        Assert.True(m[R2Stem] > textRank.Means()[R2Stem] + 2 && textRank.Means()[R2Stem] > lead.Means()[R2Stem], report);
    }

    // Measured on the same 168 articles: ours 76.94 / 69.50 / 76.27, TextRank 74.46 / 65.96 / 73.72, Lead 40% 62.99 / 50.06 / 61.62.
    private static readonly (double R1, double R2, double RLsum) BbcFloor = (76.7, 69.2, 76.0);

    [SharedDataFact]
    public void CnnDm_Sample_StaysLevelWithLead3AndFarAboveTextRank()
    {
        // README (this very sample, 165 articles, 3 sentences): ours 41.77 / 19.66 / 37.81, Lead-3 41.56 / 19.53 / 37.82, TextRank 31.09 / 13.96 / 28.21.
        var items = RougeItem.Load(SharedData.Path("summarisation", "cnndm-sample", "dev.jsonl"), null);
        var (ours, lead, textRank) = Run(items, null, 3);
        var (o, l, t) = (ours.Means(), lead.Means(), textRank.Means());
        var report = $"{items.Count} articles, stemmed R1/R2/RLsum: ours {Figures(ours)}, Lead-3 {Figures(lead)}, TextRank {Figures(textRank)}";

        Assert.True(items.Count == 165, report);
        Assert.True(o[R1Stem] >= 41.6 && o[R2Stem] >= 19.5 && o[RLsumStem] >= 37.6, $"below the measured figures: {report}");
        Assert.True(o[R1Stem] >= l[R1Stem] && o[R2Stem] >= l[R2Stem] && o[RLsumStem] >= l[RLsumStem] - 0.1, $"fell behind Lead-3: {report}");
        Assert.True(o[R1Stem] >= t[R1Stem] + 8 && o[R2Stem] >= t[R2Stem] + 4, $"too close to plain TextRank: {report}");
    }
}
