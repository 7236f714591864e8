using System.Text.Json;
using NewsBrief.Tests.Scrapers.Parsing;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Bot;

public sealed class FeedCommandTests : IAsyncLifetime
{
    private const string Atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>Ministry news</title><link href="https://gov.example/"/>
          <entry><title>New online safety rules</title><link href="https://gov.example/news/1"/><id>urn:gov:1</id>
            <updated>2026-11-26T07:00:00Z</updated><summary>The rules take effect in March.</summary></entry>
        </feed>
        """;

    private readonly TempDirectory _dir = new();
    private readonly LocalHttpServer _server = new();
    private readonly TestConfigFolder _config;

    public FeedCommandTests()
    {
        _config = new TestConfigFolder(Path.Combine(_dir.Path, "config"))
            .WriteSettings("""{ "Fetch": { "Timeout": "00:00:30", "AllowPrivateAddresses": true } }""")
            .WriteSources(("one", new Uri("http://127.0.0.1:9/feed.xml")));
        _server.MapContent("/feed.xml", new RssBuilder()
            .Item("Ministers meet at summit", "https://news.example/a/1", "Foreign ministers met on Tuesday.", new DateTimeOffset(2026, 11, 26, 6, 0, 0, TimeSpan.Zero), guid: "a-1")
            .Item("TikTok ban vote delayed", "https://news.example/a/2", "The vote was delayed.", new DateTimeOffset(2026, 11, 26, 5, 0, 0, TimeSpan.Zero))
            .Build("Example News"));
        _server.MapContent("/page", "<!DOCTYPE html><html><head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/feed.xml\"></head><body>Hi</body></html>", "text/html");
        _server.MapContent("/deep.xml", ParseBudgetTests.DeepRss(200_000));
        File.WriteAllText(_dir.File("ministry.atom"), Atom);
    }

    private string[] Globals => ["--config", _config.Path, "--data", Path.Combine(_dir.Path, "data")];

    [Fact]
    public async Task Feed_WhoseRootIsAChannel_PrintsEachItemOnce()
    {
        File.WriteAllText(_dir.File("bare.xml"), "<channel><title>Bare</title><item><title>Only once</title><link>https://x.example/1</link></item></channel>");

        var result = await CliRun.InProcessAsync(["feed", _dir.File("bare.xml"), "--format", "json", .. Globals]);

        Assert.True(result.ExitCode == 0, result.Error);
        var line = Assert.Single(result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("Only once", JsonDocument.Parse(line).RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Feed_AsJson_PrintsALinePerItemAndALinePerFailedInput()
    {
        var result = await CliRun.InProcessAsync(["feed", _server.Url("/feed.xml").ToString(), _dir.File("ministry.atom"), _server.Url("/page").ToString(),
            _server.Url("/deep.xml").ToString(), _dir.File("missing.xml"), "--format", "json", .. Globals]);

        Assert.True(result.ExitCode == 0, result.Error);
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(6, lines.Count);
        Assert.Equal(_server.Url("/feed.xml").ToString(), lines[0].GetProperty("input").GetString());
        Assert.Equal("Ministers meet at summit", lines[0].GetProperty("title").GetString());
        Assert.Equal("https://news.example/a/1", lines[0].GetProperty("url").GetString());
        Assert.Equal("a-1", lines[0].GetProperty("guid").GetString());
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 6, 0, 0, TimeSpan.Zero), lines[0].GetProperty("published").GetDateTimeOffset());
        Assert.Equal("Foreign ministers met on Tuesday.", lines[0].GetProperty("summary").GetString());
        Assert.Equal("TikTok ban vote delayed", lines[1].GetProperty("title").GetString());
        Assert.Equal(("New online safety rules", "https://gov.example/news/1", "urn:gov:1"),
            (lines[2].GetProperty("title").GetString(), lines[2].GetProperty("url").GetString(), lines[2].GetProperty("guid").GetString()));
        Assert.Contains("HTML page", lines[3].GetProperty("error").GetString());
        Assert.Contains(_server.Url("/feed.xml").ToString(), lines[3].GetProperty("error").GetString());
        Assert.Contains("too deeply nested", lines[4].GetProperty("error").GetString());
        Assert.Contains("no such file", lines[5].GetProperty("error").GetString());
    }

    [Fact]
    public async Task Feed_AsText_ShowsTheFeedAndItsItems()
    {
        var result = await CliRun.InProcessAsync(["feed", _dir.File("ministry.atom"), .. Globals]);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("# Ministry news (1 item)", result.Out);
        Assert.Contains("Site: https://gov.example/", result.Out);
        Assert.Contains("- New online safety rules\n  https://gov.example/news/1\n  published 2026-11-26 07:00:00Z", result.Out);
    }

    [Fact]
    public async Task Feed_WhenEveryInputFails_ExitsWithFailureAndSaysWhy()
    {
        var result = await CliRun.InProcessAsync(["feed", _server.Url("/gone").ToString(), .. Globals]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("404", result.Error);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _dir.Dispose();
    }
}
