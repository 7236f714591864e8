using NewsBrief.Core.Domain;
using NewsBrief.Scrapers.Fetching;
using NewsBrief.Scrapers.Refresh;
using NewsBrief.Tests.Scrapers.Parsing;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Scrapers.Refresh;

/// <summary>One hostile source in a poll costs its own failure, not the poll: depth limit and parse time budget.</summary>
public sealed class RefreshPipelineBudgetTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);

    private static Source Feed(string id, Uri url) => new() { Id = id, Name = id, Url = url };

    private static string Items(LocalHttpServer server, string prefix, int count)
    {
        var builder = new RssBuilder();
        for (var i = 0; i < count; i++) builder.Item($"{prefix} story {i}", server.Url($"/{prefix}/{i}").ToString(), "Text of the story.", Now.AddHours(-1));
        return builder.Build();
    }

    [Fact]
    public async Task Poll_ADeepFeedBesideNormalOnes_FailsWithItsReasonWhileTheOthersAreStored()
    {
        await using var server = new LocalHttpServer();
        server.MapContent("/one.xml", Items(server, "one", 2));
        server.MapContent("/deep.xml", ParseBudgetTests.DeepRss(200_000));
        server.MapContent("/two.xml", Items(server, "two", 3));
        using var fx = new PipelineFixture();
        Source[] sources = [Feed("one", server.Url("/one.xml")), Feed("deep", server.Url("/deep.xml")), Feed("two", server.Url("/two.xml"))];

        var reports = (await fx.Pipeline.PollAsync(sources, dueOnly: false, CancellationToken.None)).ToDictionary(r => r.SourceId);

        Assert.Equal(("ok", 2), (reports["one"].Outcome, reports["one"].Inserted));
        Assert.Equal(("ok", 3), (reports["two"].Outcome, reports["two"].Inserted));
        Assert.Equal("unparseable", reports["deep"].Outcome);
        Assert.Contains("too deeply nested", reports["deep"].Error);
        Assert.Equal(5, fx.Articles.Count());
        var state = fx.States.GetAll()["deep"];
        Assert.Equal(SourceHealth.Failing, state.Health);
        Assert.Contains("too deeply nested", state.LastError);
    }

    [Fact]
    public async Task Poll_AFeedOverTheParseTimeBudget_FailsWithTheBudgetWhileTheOthersAreStored()
    {
        await using var server = new LocalHttpServer();
        server.MapContent("/small.xml", Items(server, "small", 2));
        server.MapContent("/huge.xml", Items(server, "huge", 20_000));
        using var fx = new PipelineFixture();
        using var http = new HttpClient(HttpFetcher.CreateHandler(fx.Options)) { Timeout = Timeout.InfiniteTimeSpan };
        // Each reading of this clock "takes" 50 ms: the huge feed reads it far more often than 2 s allows, the small one does not.
        var clock = new SteppingClock(TimeSpan.FromMilliseconds(50));
        var pipeline = new RefreshPipeline(new HttpFetcher(http, fx.Options, TimeProvider.System), fx.Articles, fx.States, fx.Options, clock, new Random(7))
        {
            ParseTimeBudget = TimeSpan.FromSeconds(2),
        };
        Source[] sources = [Feed("small", server.Url("/small.xml")), Feed("huge", server.Url("/huge.xml"))];

        var reports = (await pipeline.PollAsync(sources, dueOnly: false, CancellationToken.None)).ToDictionary(r => r.SourceId);

        Assert.Equal(("ok", 2), (reports["small"].Outcome, reports["small"].Inserted));
        Assert.Equal("unparseable", reports["huge"].Outcome);
        Assert.Contains("longer than its budget of 2 s", reports["huge"].Error);
        Assert.Equal(2, fx.Articles.Count());
    }
}
