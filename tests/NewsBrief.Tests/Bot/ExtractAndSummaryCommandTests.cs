using System.Text.Json;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Bot;

public sealed class ExtractAndSummaryCommandTests : IAsyncLifetime
{
    private const string Page = """
        <html lang="en"><head><title>Ministers meet in Geneva | Example News</title>
        <link rel="canonical" href="https://news.example/2026/11/ministers-meet"></head>
        <body><nav>Home | World | Sport</nav><article><h1>Ministers meet in Geneva</h1>
        <p>The foreign ministers of both countries met in Geneva on Tuesday to discuss the long-running trade dispute between them.</p>
        <p>They agreed to reopen their embassies by March and to hold a second round of talks in the spring, officials said.</p>
        <p>Critics in both capitals said the agreement left the hardest questions about tariffs and export controls unanswered.</p>
        </article><footer>Copyright Example News</footer></body></html>
        """;

    private readonly TempDirectory _dir = new();
    private readonly LocalHttpServer _server = new();
    private readonly TestConfigFolder _config;

    public ExtractAndSummaryCommandTests()
    {
        _config = new TestConfigFolder(Path.Combine(_dir.Path, "config"))
            .WriteSettings("""{ "Fetch": { "Timeout": "00:00:30", "AllowPrivateAddresses": true } }""")
            .WriteSources(("one", new Uri("http://127.0.0.1:9/feed.xml")));
        _server.MapContent("/story", Page, "text/html; charset=utf-8");
        File.WriteAllText(_dir.File("story.html"), Page);
    }

    private string[] Globals => ["--config", _config.Path, "--data", Path.Combine(_dir.Path, "data")];

    [Fact]
    public async Task Extract_SeveralInputsAsJson_PrintsALinePerInputAndGoesOnAfterAFailure()
    {
        var result = await CliRun.InProcessAsync(["extract", _dir.File("story.html"), _server.Url("/story").ToString(), _dir.File("missing.html"), _server.Url("/gone").ToString(), "--format", "json", .. Globals]);

        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(4, lines.Count);
        foreach (var ok in lines.Take(2))
        {
            Assert.Contains("reopen their embassies", ok.GetProperty("text").GetString());
            Assert.DoesNotContain("Copyright", ok.GetProperty("text").GetString());
            Assert.StartsWith("Ministers meet in Geneva", ok.GetProperty("title").GetString());
        }
        Assert.Equal(_server.Url("/story").ToString(), lines[1].GetProperty("input").GetString());
        Assert.Contains("no such file", lines[2].GetProperty("error").GetString());
        Assert.Contains("404", lines[3].GetProperty("error").GetString());
    }

    [Fact]
    public async Task Extract_OfADeeplyNestedPage_ReportsTooDeeplyNestedAndGoesOnWithTheNextInput()
    {
        File.WriteAllText(_dir.File("deep.html"), "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 200_000)) + "<p>deep</p></body></html>");

        var result = await CliRun.InProcessAsync(["extract", _dir.File("deep.html"), _dir.File("story.html"), "--format", "json", .. Globals]);

        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Contains("too deeply nested", lines[0].GetProperty("error").GetString());
        Assert.Contains("reopen their embassies", lines[1].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Summary_OfALocalPage_GivesSentencesFromTheArticle()
    {
        var result = await CliRun.InProcessAsync(["summary", _server.Url("/story").ToString(), "--format", "json", .. Globals]);

        Assert.True(result.ExitCode == 0, result.Error);
        var doc = JsonDocument.Parse(result.Out).RootElement;
        var sentences = doc.GetProperty("sentences").EnumerateArray().Select(s => s.GetString()!).ToList();
        Assert.NotEmpty(sentences);
        Assert.All(sentences, s => Assert.Contains(s, Page));
        Assert.Equal("extractive", doc.GetProperty("engine").GetString());
    }

    [Fact]
    public async Task Summary_OfSomethingUnreadable_ExitsOneSayingWhy()
    {
        var result = await CliRun.InProcessAsync(["summary", "gopher://old.example/1", .. Globals]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("only http(s) URLs and local files", result.Error);
    }

    [Fact]
    public async Task Summary_OfALoopbackUrl_IsRefusedUnlessPrivateAddressesAreAllowed()
    {
        var strict = new TestConfigFolder(Path.Combine(_dir.Path, "strict")).WriteSettings("""{ "Fetch": { "Timeout": "00:00:30" } }""")
            .WriteSources(("one", new Uri("http://127.0.0.1:9/feed.xml")));

        var result = await CliRun.InProcessAsync("summary", _server.Url("/story").ToString(), "--config", strict.Path, "--data", Path.Combine(_dir.Path, "data"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Fetch:AllowPrivateAddresses", result.Error);
        Assert.DoesNotContain(_server.Requests, r => r.PathAndQuery == "/story");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _dir.Dispose();
    }
}
