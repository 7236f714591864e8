using System.Text.Json;
using System.Xml.Linq;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Bot;

/// <summary>
/// The whole pipeline as a user runs it: the real executable, a real SQLite file, real captured feeds
/// served from 127.0.0.1 (dates moved to today), and failing sources beside them.
/// </summary>
public sealed class EndToEndBriefTests : IAsyncLifetime
{
    private static readonly string[] Feeds = ["Rss20NYTimes.xml", "Rss20Reuters.xml", "AtomTheVerge.xml", "Rss20TheMirror.xml"];
    private readonly TempDirectory _dir = new();
    private readonly LocalHttpServer _server = new();
    private readonly HashSet<string> _itemLinks = new(StringComparer.Ordinal);
    private TestConfigFolder _config = null!;
    private string Data => Path.Combine(_dir.Path, "data");

    public Task InitializeAsync()
    {
        if (SharedData.Root is null) return Task.CompletedTask;
        var sources = new List<(string, Uri)>();
        foreach (var file in Feeds)
        {
            var xml = FeedDates.ShiftToRecent(File.ReadAllText(SharedData.Path("feeds", "codehollow-feedreader", "Feeds", file)), DateTimeOffset.UtcNow);
            _itemLinks.UnionWith(ItemLinks(xml));
            var id = Path.GetFileNameWithoutExtension(file).ToLowerInvariant();
            _server.MapContent($"/{id}.xml", xml, "application/xml; charset=utf-8", etag: $"\"{id}-1\"");
            sources.Add((id, _server.Url($"/{id}.xml")));
        }
        _server.MapStatus("/broken.xml", 500, "internal error");
        _server.MapContent("/homepage.xml", "<!DOCTYPE html><html><head><title>Home</title></head><body><p>Welcome</p></body></html>", "text/html");
        _server.MapHang("/slow.xml");
        sources.Add(("broken", _server.Url("/broken.xml")));
        sources.Add(("homepage", _server.Url("/homepage.xml")));
        sources.Add(("slow", _server.Url("/slow.xml")));
        _config = new TestConfigFolder(Path.Combine(_dir.Path, "config")).WriteSettings(TestConfigFolder.SlowSourceSettings).WriteTopics().WriteSources([.. sources]);
        return Task.CompletedTask;
    }

    [SharedDataFact]
    public async Task Brief_FromRealFeeds_CitesOnlyTheirArticlesAndReportsFailingSources()
    {
        var result = await CliRun.ProcessAsync(null, "brief", "--config", _config.Path, "--data", Data, "--format", "json");

        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var stories = json.RootElement.GetProperty("stories").EnumerateArray().ToList();
        Assert.NotEmpty(stories);
        foreach (var story in stories)
        {
            Assert.False(string.IsNullOrWhiteSpace(story.GetProperty("headline").GetString()));
            var articles = story.GetProperty("articles").EnumerateArray().ToList();
            Assert.NotEmpty(articles);
            var ids = articles.Select(a => a.GetProperty("id").GetInt64()).ToHashSet();
            Assert.All(articles, a => Assert.Contains(a.GetProperty("url").GetString()!, _itemLinks));
            var sentences = story.GetProperty("sentences").EnumerateArray().ToList();
            Assert.NotEmpty(sentences);
            foreach (var sentence in sentences)
            {
                var citations = sentence.GetProperty("citations").EnumerateArray().Select(c => c.GetInt64()).ToList();
                Assert.NotEmpty(citations);
                Assert.All(citations, c => Assert.Contains(c, ids));
            }
        }
        Assert.Equal("extractive", json.RootElement.GetProperty("engine").GetProperty("name").GetString());
        var window = json.RootElement.GetProperty("window");
        Assert.True(window.GetProperty("from").GetDateTimeOffset() < window.GetProperty("to").GetDateTimeOffset());

        var list = await CliRun.ProcessAsync(null, "sources", "list", "--config", _config.Path, "--data", Data, "--format", "json");
        Assert.Equal(0, list.ExitCode);
        var rows = JsonDocument.Parse(list.Out).RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!);
        Assert.Contains("HTTP 500", rows["broken"].GetProperty("lastError").GetString());
        Assert.Contains("HTML page", rows["homepage"].GetProperty("lastError").GetString());
        Assert.Contains("timed out", rows["slow"].GetProperty("lastError").GetString());
        Assert.All(new[] { "broken", "homepage", "slow" }, id => Assert.Equal("failing", rows[id].GetProperty("health").GetString()));
        Assert.Equal("healthy", rows["rss20nytimes"].GetProperty("health").GetString());
    }

    [SharedDataFact]
    public async Task Poll_OfUnchangedFeeds_SendsConditionalRequestsAndStoresNoDuplicates()
    {
        // With --format json, standard output carries only alert lines (none here: no subscriptions); the per-source report goes to --report.
        var firstFile = Path.Combine(_dir.Path, "poll-1.json");
        var secondFile = Path.Combine(_dir.Path, "poll-2.json");
        var first = await CliRun.ProcessAsync(null, "poll", "--config", _config.Path, "--data", Data, "--format", "json", "--report", firstFile);
        var second = await CliRun.ProcessAsync(null, "poll", "--config", _config.Path, "--data", Data, "--format", "json", "--report", secondFile);

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.Equal(("", ""), (first.Out, second.Out));
        var firstReports = JsonDocument.Parse(File.ReadAllText(firstFile)).RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("sourceId").GetString()!);
        var secondReports = JsonDocument.Parse(File.ReadAllText(secondFile)).RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("sourceId").GetString()!);
        Assert.True(firstReports["rss20nytimes"].GetProperty("inserted").GetInt32() > 0);
        foreach (var id in Feeds.Select(f => Path.GetFileNameWithoutExtension(f).ToLowerInvariant()))
        {
            Assert.Equal("not-modified", secondReports[id].GetProperty("outcome").GetString());
            Assert.Equal(0, secondReports[id].GetProperty("inserted").GetInt32());
            Assert.Contains(_server.Requests, r => r.PathAndQuery == $"/{id}.xml" && r.Headers.TryGetValue("If-None-Match", out var tag) && tag == $"\"{id}-1\"");
        }
        var sources = JsonDocument.Parse((await CliRun.ProcessAsync(null, "sources", "list", "--config", _config.Path, "--data", Data, "--format", "json")).Out);
        var stored = sources.RootElement.EnumerateArray().Sum(r => r.GetProperty("articles").GetInt32());
        Assert.Equal(firstReports.Values.Sum(r => r.GetProperty("inserted").GetInt32()), stored);
    }

    private static IEnumerable<string> ItemLinks(string xml)
    {
        var doc = XDocument.Parse(xml);
        foreach (var link in doc.Descendants().Where(e => e.Name.LocalName == "item").Select(i => i.Elements().FirstOrDefault(e => e.Name.LocalName == "link")?.Value.Trim()))
            if (!string.IsNullOrEmpty(link)) yield return link;
        foreach (var entry in doc.Descendants().Where(e => e.Name.LocalName == "entry"))
        {
            var href = entry.Elements().Where(e => e.Name.LocalName == "link")
                .FirstOrDefault(e => (string?)e.Attribute("rel") is null or "alternate")?.Attribute("href")?.Value;
            if (!string.IsNullOrEmpty(href)) yield return href;
        }
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _dir.Dispose();
    }
}
