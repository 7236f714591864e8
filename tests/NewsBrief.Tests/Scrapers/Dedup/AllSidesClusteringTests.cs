using NewsBrief.Scrapers.Dedup;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Scrapers.Dedup;

public sealed class AllSidesClusteringTests
{
    [SharedDataFact]
    public void Cluster_AllSidesStories_ReachesTheMeasuredBCubedF1()
    {
        var data = AllSidesData.Load();
        var score = ClusteringScore.Of(new StoryClusterer().Cluster(data.Items), data.Gold);
        // Measured 0.868 with the defaults (benchmark "clustering"); the margin absorbs tuning drift, not regressions.
        Assert.True(score.BCubedF1 > 0.84, $"B-cubed F1 {score.BCubedF1:0.000} (P {score.BCubedPrecision:0.000}, R {score.BCubedRecall:0.000})");
        Assert.True(score.BCubedPrecision > 0.92, $"B-cubed precision {score.BCubedPrecision:0.000}");
    }

    [SharedDataFact]
    public void SimHash_OfDistinctArticles_IsNeverWithinTheUpdatedDistance()
    {
        var data = AllSidesData.Load();
        var hashes = data.Items.Select(i => ContentFingerprint.SimHash(i.Text)).ToList();
        var closest = int.MaxValue;
        for (var a = 0; a < hashes.Count; a++)
            for (var b = a + 1; b < hashes.Count; b++)
                if (data.Items[a].Text != data.Items[b].Text) closest = Math.Min(closest, ContentFingerprint.Distance(hashes[a], hashes[b]));
        Assert.True(closest > ContentFingerprint.UpdatedDistance, $"closest distinct articles are {closest} bits apart");
    }
}
