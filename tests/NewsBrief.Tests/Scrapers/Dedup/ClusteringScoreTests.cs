using NewsBrief.Scrapers.Dedup;

namespace NewsBrief.Tests.Scrapers.Dedup;

public sealed class ClusteringScoreTests
{
    private static readonly string[] Gold = ["a", "a", "a", "b", "b"];

    [Fact]
    public void Of_APerfectClustering_ScoresOne()
    {
        var score = ClusteringScore.Of([[0, 1, 2], [3, 4]], Gold);
        Assert.Equal((1.0, 1.0, 1.0, 1.0), (score.PairF1, score.BCubedPrecision, score.BCubedRecall, score.BCubedF1));
    }

    [Fact]
    public void Of_EverythingInOneCluster_HasFullRecallAndLowPrecision()
    {
        var score = ClusteringScore.Of([[0, 1, 2, 3, 4]], Gold);
        Assert.Equal(1.0, score.PairRecall);
        Assert.Equal(4.0 / 10, score.PairPrecision, 6);
        // Items of "a" see 3 of 5 right, items of "b" 2 of 5: (3*3/5 + 2*2/5) / 5.
        Assert.Equal(13.0 / 25, score.BCubedPrecision, 6);
        Assert.Equal(1.0, score.BCubedRecall);
    }

    [Fact]
    public void Of_Singletons_HaveFullPrecisionAndLowRecall()
    {
        var score = ClusteringScore.Of([[0], [1], [2], [3], [4]], Gold);
        Assert.Equal(1.0, score.BCubedPrecision);
        Assert.Equal(0.0, score.PairRecall);
        Assert.Equal((3 * (1.0 / 3) + 2 * 0.5) / 5, score.BCubedRecall, 6);
    }

    [Fact]
    public void Of_WhenAnIndexIsMissing_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => ClusteringScore.Of([[0, 1, 2], [3]], Gold));
        Assert.Contains("Index 4", error.Message);
    }

    [Fact]
    public void Of_WhenAnIndexIsInTwoClusters_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => ClusteringScore.Of([[0, 1, 2], [2, 3, 4]], Gold));
        Assert.Contains("Index 2", error.Message);
    }
}
