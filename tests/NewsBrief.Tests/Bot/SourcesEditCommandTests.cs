using System.Text.Json;
using NewsBrief.Core.Configuration;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Bot;

public sealed class SourcesEditCommandTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private readonly LocalHttpServer _server = new();
    private TestConfigFolder _config = null!;

    public Task InitializeAsync()
    {
        var rss = new RssBuilder().Item("Ministers meet", "https://site.example/a/1", "They met.", DateTimeOffset.UtcNow).Build("Example World News");
        _server.MapContent("/world/rss.xml", rss, "application/rss+xml");
        _server.MapContent("/world", $"""<html><head><link rel="alternate" type="application/rss+xml" href="/world/rss.xml"></head><body>World</body></html>""", "text/html");
        _server.MapContent("/nofeed", "<html><head><title>Plain</title></head><body>No feed here</body></html>", "text/html");
        _config = new TestConfigFolder(Path.Combine(_dir.Path, "config"))
            .WriteSettings("""{ "Fetch": { "Timeout": "00:00:30", "AllowPrivateAddresses": true } }""")
            .WriteSources(("existing", new Uri("https://feeds.example/existing.xml")));
        return Task.CompletedTask;
    }

    private string[] Globals => ["--config", _config.Path, "--data", Path.Combine(_dir.Path, "data")];
    private string SourcesFile => Path.Combine(_config.Path, "sources.json");

    [Fact]
    public async Task Add_SitePage_DiscoversItsFeedAndWritesIt()
    {
        var result = await CliRun.InProcessAsync(["sources", "add", _server.Url("/world").ToString(), "--topic", "world", "--format", "json", .. Globals]);

        Assert.True(result.ExitCode == 0, result.Error);
        var added = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal(_server.Url("/world/rss.xml").AbsoluteUri, added.GetProperty("url").GetString());
        Assert.Equal(("Example World News", 1), (added.GetProperty("name").GetString(), added.GetProperty("items").GetInt32()));
        var sources = SourceCatalog.Load(SourcesFile);
        Assert.Equal(["existing", added.GetProperty("id").GetString()], sources.Select(s => s.Id));
        Assert.Equal(["world"], sources[1].Topics);
    }

    [Fact]
    public async Task Add_PageWithoutAFeed_ExitsOneAndLeavesTheFileAlone()
    {
        var before = File.ReadAllText(SourcesFile);

        var result = await CliRun.InProcessAsync(["sources", "add", _server.Url("/nofeed").ToString(), .. Globals]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("links to no feed", result.Error);
        Assert.Equal(before, File.ReadAllText(SourcesFile));
    }

    [Fact]
    public async Task Add_TheSameFeedTwice_IsRefused()
    {
        await CliRun.InProcessAsync(["sources", "add", _server.Url("/world/rss.xml").ToString(), "--id", "world", .. Globals]);

        var again = await CliRun.InProcessAsync(["sources", "add", _server.Url("/world").ToString(), .. Globals]);

        Assert.Equal(2, again.ExitCode);
        Assert.Contains("already configured as 'world'", again.Error);
    }

    [Fact]
    public async Task Remove_TakesTheSourceOut_AndAnUnknownIdIsAnError()
    {
        var removed = await CliRun.InProcessAsync(["sources", "remove", "existing", .. Globals]);
        var unknown = await CliRun.InProcessAsync(["sources", "remove", "nope", .. Globals]);

        Assert.Equal((0, 2), (removed.ExitCode, unknown.ExitCode));
        Assert.Empty(SourceCatalog.Load(SourcesFile));
        Assert.Contains("no source has the id 'nope'", unknown.Error);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _dir.Dispose();
    }
}
