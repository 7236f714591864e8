using NewsBrief.Core.Domain;
using NewsBrief.Scrapers.Fetching;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Scrapers.Refresh;

public sealed class RefreshPipelineTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);

    private static Source Feed(string id, Uri url) => new() { Id = id, Name = id, Url = url };

    private static string TwoItems(LocalHttpServer server) => new RssBuilder()
        .Item("Ministers meet at summit", server.Url("/a/1").ToString(), "Foreign ministers met on Tuesday.", Now.AddHours(-1))
        .Item("TikTok ban vote delayed", server.Url("/a/2").ToString(), "The vote on the ban was delayed.", Now.AddHours(-2))
        .Build();

    [Fact]
    public async Task Poll_WhenServerSends304_KeepsArticlesAndStoresNoDuplicates()
    {
        await using var server = new LocalHttpServer();
        server.MapContent("/feed.xml", TwoItems(server), etag: "\"v1\"");
        using var fx = new PipelineFixture();
        var source = Feed("one", server.Url("/feed.xml"));

        var first = await fx.Pipeline.PollSourceAsync(source, CancellationToken.None);
        var second = await fx.Pipeline.PollSourceAsync(source, CancellationToken.None);

        Assert.Equal(("ok", 2), (first.Outcome, first.Inserted));
        Assert.Equal(("not-modified", 0), (second.Outcome, second.Inserted));
        Assert.Equal(2, fx.Articles.Count());
        var requests = server.Requests.Where(r => r.PathAndQuery == "/feed.xml").ToList();
        Assert.False(requests[0].Headers.ContainsKey("If-None-Match"));
        Assert.Equal("\"v1\"", requests[1].Headers["If-None-Match"]);
    }

    [Fact]
    public async Task Poll_WhenServerIgnoresValidators_StoresNothingTwice()
    {
        await using var server = new LocalHttpServer();
        server.MapContent("/feed.xml", TwoItems(server));
        using var fx = new PipelineFixture();
        var source = Feed("one", server.Url("/feed.xml"));

        await fx.Pipeline.PollSourceAsync(source, CancellationToken.None);
        var again = await fx.Pipeline.PollSourceAsync(source, CancellationToken.None);

        Assert.Equal((0, 0), (again.Inserted, again.Updated));
        Assert.Equal(2, fx.Articles.Count());
    }

    [Fact]
    public async Task Poll_WhenLastModifiedIsSent_AsksWithIfModifiedSince()
    {
        await using var server = new LocalHttpServer();
        var body = TwoItems(server);
        server.Map("/feed.xml", async ctx =>
        {
            if (ctx.Request.Headers["If-Modified-Since"] == "Wed, 25 Nov 2026 10:00:00 GMT")
            {
                ctx.Response.StatusCode = 304;
                ctx.Response.Close();
                return;
            }
            ctx.Response.Headers["Last-Modified"] = "Wed, 25 Nov 2026 10:00:00 GMT";
            await LocalHttpServer.WriteAsync(ctx, 200, body, "application/rss+xml");
        });
        using var fx = new PipelineFixture();
        var source = Feed("one", server.Url("/feed.xml"));

        await fx.Pipeline.PollSourceAsync(source, CancellationToken.None);
        var second = await fx.Pipeline.PollSourceAsync(source, CancellationToken.None);

        Assert.Equal("not-modified", second.Outcome);
        Assert.Equal(2, fx.Articles.Count());
    }

    [Fact]
    public async Task Poll_WhenAnItemChanges_UpdatesItInsteadOfAddingAnother()
    {
        await using var server = new LocalHttpServer();
        server.MapContent("/feed.xml", TwoItems(server));
        using var fx = new PipelineFixture();
        var source = Feed("one", server.Url("/feed.xml"));
        await fx.Pipeline.PollSourceAsync(source, CancellationToken.None);

        server.MapContent("/feed.xml", new RssBuilder()
            .Item("Ministers meet at summit", server.Url("/a/1?utm_source=rss").ToString(), "Foreign ministers met on Tuesday and agreed a statement.", Now.AddHours(-1))
            .Build());
        var second = await fx.Pipeline.PollSourceAsync(source, CancellationToken.None);

        Assert.Equal((0, 1), (second.Inserted, second.Updated));
        Assert.Equal(2, fx.Articles.Count());
        var updated = fx.Articles.InWindow(Now.AddDays(-1), Now).Single(a => a.Title.StartsWith("Ministers"));
        Assert.Contains("agreed a statement", updated.Description);
    }

    [Fact]
    public async Task Poll_WhenSourcesFail_RecordsEachErrorAndStillStoresTheOthers()
    {
        await using var server = new LocalHttpServer();
        server.MapContent("/good.xml", TwoItems(server));
        server.MapStatus("/broken.xml", 500, "boom");
        server.MapContent("/page.html", "<!DOCTYPE html><html><head><title>Home</title></head><body>Hi</body></html>", "text/html");
        server.MapHang("/slow.xml");
        using var fx = new PipelineFixture(new FetchOptions { Timeout = TimeSpan.FromSeconds(8), PageTimeout = TimeSpan.FromSeconds(8), FetchArticlePages = false });
        using var refusing = new RefusingPort();
        Source[] sources =
        [
            Feed("good", server.Url("/good.xml")), Feed("broken", server.Url("/broken.xml")),
            Feed("html", server.Url("/page.html")), Feed("slow", server.Url("/slow.xml")),
            Feed("refused", refusing.Url("/feed.xml")),
        ];

        var reports = (await fx.Pipeline.PollAsync(sources, dueOnly: false, CancellationToken.None)).ToDictionary(r => r.SourceId);

        Assert.Equal(2, reports["good"].Inserted);
        Assert.Contains("500", reports["broken"].Error);
        Assert.Contains("HTML", reports["html"].Error, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("timed out", reports["slow"].Error);
        Assert.Equal("network-error", reports["refused"].Outcome);
        var states = fx.States.GetAll();
        Assert.Equal(SourceHealth.Healthy, states["good"].Health);
        foreach (var id in new[] { "broken", "html", "slow", "refused" })
        {
            Assert.Equal(SourceHealth.Failing, states[id].Health);
            Assert.Equal(1, states[id].ConsecutiveFailures);
            Assert.False(string.IsNullOrWhiteSpace(states[id].LastError));
        }
        Assert.Equal(2, fx.Articles.Count());
    }

    [Fact]
    public async Task Poll_WhenArticlePagesCannotBeReached_KeepsTheFeedDescription()
    {
        await using var server = new LocalHttpServer();
        using var refusing = new RefusingPort();
        var closed = refusing.Port;
        server.MapContent("/feed.xml", new RssBuilder()
            .Item("Ministers meet at summit", $"http://127.0.0.1:{closed}/story", "Foreign ministers met on Tuesday.", Now.AddHours(-1))
            .Build());
        using var fx = new PipelineFixture(new FetchOptions { Timeout = TimeSpan.FromSeconds(30), PageTimeout = TimeSpan.FromSeconds(30), FetchArticlePages = true });

        var report = await fx.Pipeline.PollSourceAsync(Feed("one", server.Url("/feed.xml")), CancellationToken.None);

        Assert.Equal(("ok", 1, 0), (report.Outcome, report.Inserted, report.PagesFetched));
        var stored = Assert.Single(fx.Articles.InWindow(Now.AddDays(-1), Now));
        Assert.Null(stored.Text);
        Assert.Equal("Foreign ministers met on Tuesday.", stored.BodyOrDescription);
    }

    [Fact]
    public async Task Poll_WhenArticlePageIsServed_StoresItsExtractedText()
    {
        await using var server = new LocalHttpServer();
        var paragraph = string.Join(" ", Enumerable.Repeat("The foreign ministers of both countries met in Geneva to discuss the trade dispute and agreed to meet again next month.", 4));
        server.MapContent("/story", $"<html><head><title>Summit</title></head><body><nav>Home News Sport</nav><article><h1>Ministers meet at summit</h1><p>{paragraph}</p><p>{paragraph}</p></article><footer>Copyright</footer></body></html>", "text/html; charset=utf-8");
        server.MapContent("/feed.xml", new RssBuilder().Item("Ministers meet at summit", server.Url("/story").ToString(), "Ministers met.", Now.AddHours(-1)).Build());
        using var fx = new PipelineFixture(new FetchOptions { Timeout = TimeSpan.FromSeconds(30), PageTimeout = TimeSpan.FromSeconds(30), FetchArticlePages = true });

        var report = await fx.Pipeline.PollSourceAsync(Feed("one", server.Url("/feed.xml")), CancellationToken.None);

        Assert.Equal(1, report.PagesFetched);
        var stored = Assert.Single(fx.Articles.InWindow(Now.AddDays(-1), Now));
        Assert.Contains("agreed to meet again next month", stored.Text);
        Assert.DoesNotContain("Copyright", stored.Text);
    }

    [Fact]
    public async Task Poll_OfAnHtmlSource_TurnsTheListPageIntoArticles()
    {
        await using var server = new LocalHttpServer();
        server.MapContent("/news", """
            <html><body><ul>
              <li class="news-item"><a href="/news/1">Minister visits Beijing</a><time datetime="2026-11-26T07:00:00Z">26 Nov</time></li>
              <li class="news-item"><a href="/news/2">New online safety rules</a><time datetime="2026-11-25T07:00:00Z">25 Nov</time></li>
              <li class="news-item"><span>no link here</span></li>
            </ul></body></html>
            """, "text/html");
        using var fx = new PipelineFixture();
        var source = new Source
        {
            Id = "gov", Name = "Gov", Kind = SourceKind.Html, Url = server.Url("/news"),
            Selectors = new HtmlSelectors("li.news-item", "a", null, "time", null),
        };

        var report = await fx.Pipeline.PollSourceAsync(source, CancellationToken.None);

        Assert.Equal(("ok", 2), (report.Outcome, report.Inserted));
        var stored = fx.Articles.InWindow(Now.AddDays(-3), Now).OrderBy(a => a.Title).ToList();
        Assert.Equal(["Minister visits Beijing", "New online safety rules"], stored.Select(a => a.Title));
        Assert.Equal(server.Url("/news/1").ToString(), stored[0].Url);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 7, 0, 0, TimeSpan.Zero), stored[0].Published);
    }
}
