using NewsBrief.Core.Domain;
using NewsBrief.Core.Storage;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Scrapers.Refresh;

public sealed class StoryAssignmentAtIngestTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);

    private static Source Feed(string id, Uri url) => new() { Id = id, Name = id, Url = url };

    [Fact]
    public async Task Poll_TwoOutletsOnOneEvent_StoresOneStoryAcrossOutletsAndKeepsItsIdWhenALaterArticleJoins()
    {
        await using var server = new LocalHttpServer();
        server.MapContent("/reuters.xml", new RssBuilder()
            .Item("Foreign ministers meet in Geneva over Syria ceasefire", server.Url("/r/1").ToString(), "Foreign ministers of Russia and the United States met in Geneva on Tuesday to discuss a Syria ceasefire.", Now.AddHours(-5))
            .Item("Djokovic wins the Australian Open final", server.Url("/r/2").ToString(), "Novak Djokovic beat his rival in four sets in Melbourne.", Now.AddHours(-4))
            .Build());
        server.MapContent("/bbc.xml", new RssBuilder()
            .Item("Syria ceasefire talks: ministers gather in Geneva", server.Url("/b/1").ToString(), "Ministers from Russia and the US gathered in Geneva for talks on a ceasefire in Syria.", Now.AddHours(-3))
            .Build());
        using var fx = new PipelineFixture();
        fx.Clock.SetUtcNow(Now);
        await fx.Pipeline.PollSourceAsync(Feed("reuters", server.Url("/reuters.xml")), CancellationToken.None);
        var store = new StoryStore(fx.Database);
        var before = store.InWindow(Now.AddDays(-1), Now);

        await fx.Pipeline.PollSourceAsync(Feed("bbc", server.Url("/bbc.xml")), CancellationToken.None);
        var after = store.InWindow(Now.AddDays(-1), Now);

        Assert.Equal(2, before.Count);
        var summitId = before.Single(s => s.Headline.Contains("Geneva")).Id;
        Assert.Equal(2, after.Count);
        var summit = after.Single(s => s.Id == summitId);
        Assert.Equal(["reuters", "bbc"], summit.Outlets);
        Assert.Equal((Now.AddHours(-5), Now.AddHours(-3)), (summit.FirstSeen, summit.LastUpdated));
        Assert.All(summit.Articles, a => Assert.Equal(summitId, a.StoryId));
        Assert.Equal(summit.ArticleIds, store.Get(summitId)!.ArticleIds);
    }

    [Fact]
    public async Task Poll_ArticlesStoredBeforeAssignmentExisted_AreAssignedOnTheNextPoll()
    {
        await using var server = new LocalHttpServer();
        server.MapContent("/bbc.xml", new RssBuilder()
            .Item("Syria ceasefire talks: ministers gather in Geneva", server.Url("/b/1").ToString(), "Ministers from Russia and the US gathered in Geneva for talks on a ceasefire in Syria.", Now.AddHours(-3))
            .Build());
        using var fx = new PipelineFixture();
        fx.Clock.SetUtcNow(Now);
        // An article stored without a story, as by an earlier version or a poll interrupted between the two writes.
        fx.Articles.Upsert([new Article
        {
            SourceId = "reuters", Url = "https://example.org/r/1", CanonicalUrl = "https://example.org/r/1", ContentHash = "h1",
            Title = "Foreign ministers meet in Geneva over Syria ceasefire", Published = Now.AddHours(-5), Fetched = Now,
            Description = "Foreign ministers of Russia and the United States met in Geneva on Tuesday to discuss a Syria ceasefire.",
        }]);

        await fx.Pipeline.PollSourceAsync(Feed("bbc", server.Url("/bbc.xml")), CancellationToken.None);

        var story = Assert.Single(new StoryStore(fx.Database).InWindow(Now.AddDays(-1), Now));
        Assert.True(story.Id > 0);
        Assert.Equal(["reuters", "bbc"], story.Outlets);
    }

    [Fact]
    public void Apply_AMerge_LeavesTheOldIdResolvingToTheSurvivor()
    {
        using var dir = new TempDirectory();
        var db = NewsBriefDatabase.Open(dir.Path);
        var articles = new ArticleStore(db);
        var stored = articles.Upsert([Article("a", Now.AddHours(-2)), Article("b", Now.AddHours(-1))]).Inserted;
        var store = new StoryStore(db);
        store.Apply(new StoryChanges
        {
            Stories = [new StoryRow(1, "A", Now.AddHours(-2), Now.AddHours(-2)), new StoryRow(2, "B", Now.AddHours(-1), Now.AddHours(-1))],
            Assignments = [(stored[0].Id, 1), (stored[1].Id, 2)],
        });

        store.Apply(new StoryChanges { Stories = [new StoryRow(1, "A", Now.AddHours(-2), Now.AddHours(-1))], Merges = [(2, 1)] });

        Assert.Equal(1, store.Resolve(2));
        var merged = store.Get(2)!;
        Assert.Equal(1, merged.Id);
        Assert.Equal(stored.Select(a => a.Id), merged.ArticleIds);
        Assert.Equal(3, store.NextId()); // id 2 is never handed out again
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private static Article Article(string key, DateTimeOffset published) => new()
    {
        SourceId = "s", Url = $"https://example.org/{key}", CanonicalUrl = $"https://example.org/{key}", ContentHash = key,
        Title = $"Title {key}", Published = published, Fetched = published,
    };
}
