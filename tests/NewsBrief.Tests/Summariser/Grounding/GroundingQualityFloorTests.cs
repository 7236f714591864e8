using NewsBrief.Benchmarks;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Summariser.Grounding;

/// <summary>
/// The citation checker on real data, counted exactly as the `grounding` benchmark counts the README's figures:
/// BBC reference summaries (extracts of their article, so faithful) must all survive, and the same sentences with
/// one number altered must be caught.
/// </summary>
public sealed class GroundingQualityFloorTests
{
    [SharedDataFact]
    public async Task CitationChecker_OnFourHundredBbcReferences_DropsNoFaithfulSentenceAndCatchesAlteredNumbers()
    {
        // README: 2,706 faithful sentences, 0 wrongly dropped, 1 marked; 1,121 altered, 1,110 caught (99.0%).
        var items = await GroundingBenchmark.LoadAsync(SharedData.Path("summarisation", "bbc-news-summary", "train.jsonl"), 400);

        var f = GroundingBenchmark.Measure(items);

        Assert.True(f.Faithful >= 2700, $"only {f.Faithful} faithful sentences checked");
        Assert.Equal(0, f.FalseDrops);
        Assert.True(f.Marks <= 1, $"{f.Marks} faithful sentences marked (measured 1)");
        Assert.True(f.Altered >= 1100, $"only {f.Altered} altered sentences checked");
        Assert.True((double)f.Caught / f.Altered >= 0.989, $"{f.Caught} of {f.Altered} altered numbers caught ({(double)f.Caught / f.Altered:P1}); measured 1,110 of 1,121 (99.0%)");
    }
}
