using NewsBrief.Scrapers.Dedup;

namespace NewsBrief.Tests.Scrapers.Dedup;

public sealed class StoryClustererTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    private static ClusterItem Item(string title, string text, double hours = 0, string source = "s") => new(title, text, Noon.AddHours(hours), source);

    private static readonly ClusterItem TikTokBbc = Item("US state bans TikTok on government devices",
        "Montana has banned TikTok from all government phones, citing security concerns about the Chinese-owned app and ByteDance.", 0, "bbc");
    private static readonly ClusterItem TikTokReuters = Item("Montana governor signs TikTok ban for state devices",
        "Montana Governor Greg Gianforte signed an order banning TikTok on state government devices over ByteDance data concerns.", 2, "reuters");
    private static readonly ClusterItem TikTokGuardian = Item("TikTok banned on Montana government phones",
        "The Chinese video app TikTok, owned by ByteDance, is banned from Montana government devices after an order by the governor.", 3, "guardian");
    private static readonly ClusterItem RatesBbc = Item("Bank of England raises interest rates to 4%",
        "The Bank of England has raised interest rates by half a percentage point to 4% as it tries to bring inflation down.", 1, "bbc");
    private static readonly ClusterItem RatesFt = Item("BoE lifts rates to 4% and signals peak may be near",
        "The Bank of England raised interest rates to 4%, its tenth increase in a row, and said inflation had probably peaked.", 4, "ft");
    private static readonly ClusterItem Quake = Item("Earthquake of magnitude 6.1 strikes off Japan coast",
        "A strong earthquake struck off the north-east coast of Japan, the meteorological agency said; no tsunami warning was issued.", 5, "ap");

    [Fact]
    public void Cluster_GroupsOutletsCoveringOneEventAndSeparatesOtherEvents()
    {
        var items = new[] { TikTokBbc, RatesBbc, TikTokReuters, Quake, RatesFt, TikTokGuardian };
        var stories = new StoryClusterer().Cluster(items);
        Assert.Equal(3, stories.Count);
        Assert.Contains(stories, s => s.SequenceEqual([0, 2, 5]));
        Assert.Contains(stories, s => s.SequenceEqual([1, 4]));
        Assert.Contains(stories, s => s.SequenceEqual([3]));
    }

    [Fact]
    public void Cluster_PutsEveryIndexInExactlyOneStory()
    {
        var items = new[] { TikTokBbc, RatesBbc, TikTokReuters, Quake, RatesFt, TikTokGuardian };
        var indexes = new StoryClusterer().Cluster(items).SelectMany(s => s).Order();
        Assert.Equal(Enumerable.Range(0, items.Length), indexes);
    }

    [Fact]
    public void Cluster_KeepsTheSameEventApartWhenItIsOutsideTheTimeWindow()
    {
        var later = TikTokReuters with { Time = Noon.AddDays(10) };
        var stories = new StoryClusterer().Cluster([TikTokBbc, later]);
        Assert.Equal(2, stories.Count);
    }

    [Fact]
    public void Cluster_DoesNotChainTwoEventsThroughOneArticleThatMentionsBoth()
    {
        var bridge = Item("TikTok ban and interest rates top the day's agenda",
            "Montana banned TikTok on government devices while the Bank of England raised interest rates to 4%.", 2, "digest");
        var clusterer = new StoryClusterer();
        // The bridge really does link to both events: single-link clustering would merge them through it.
        Assert.True(clusterer.Similarity(bridge, TikTokBbc) >= clusterer.Threshold, $"{clusterer.Similarity(bridge, TikTokBbc)}");
        Assert.True(clusterer.Similarity(bridge, RatesBbc) >= clusterer.Threshold, $"{clusterer.Similarity(bridge, RatesBbc)}");
        var stories = clusterer.Cluster([TikTokBbc, TikTokReuters, TikTokGuardian, bridge, RatesBbc, RatesFt]);
        Assert.DoesNotContain(stories, s => s.Contains(0) && s.Contains(4));
    }

    [Fact]
    public void Cluster_GivesTheSameStoriesWhateverTheInputOrder()
    {
        ClusterItem[] items = [TikTokBbc, RatesBbc, TikTokReuters, Quake, RatesFt, TikTokGuardian];
        var forward = new StoryClusterer().Cluster(items).Select(s => s.Select(i => items[i].SourceId + items[i].Title).Order().ToList());
        var reversed = items.Reverse().ToArray();
        var backward = new StoryClusterer().Cluster(reversed).Select(s => s.Select(i => reversed[i].SourceId + reversed[i].Title).Order().ToList());
        Assert.Equal(forward.Select(s => string.Join("|", s)).Order(), backward.Select(s => string.Join("|", s)).Order());
    }

    [Fact]
    public void Cluster_OfNothing_IsNoStories() => Assert.Empty(new StoryClusterer().Cluster([]));

    [Fact]
    public void Cluster_OfArticlesWithNoWords_GivesEachItsOwnStory() =>
        Assert.Equal(2, new StoryClusterer().Cluster([Item("", ""), Item("...", "—")]).Count);

    [Theory]
    [InlineData(0.0, "Threshold")]
    [InlineData(1.5, "Threshold")]
    public void Cluster_WithAThresholdOutsideZeroToOne_ThrowsNamingIt(double threshold, string name)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new StoryClusterer { Threshold = threshold }.Cluster([Quake]));
        Assert.Equal(name, error.ParamName);
    }

    [Fact]
    public void StoryWindow_WithANonPositiveWindow_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new StoryWindow(new StoryClusterer { Window = TimeSpan.Zero }, 1));
        Assert.Equal("Window", error.ParamName);
    }
}
