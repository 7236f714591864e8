using NewsBrief.Core.Configuration;
using NewsBrief.Core.Domain;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Core.Configuration;

public sealed class SourceCatalogTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private ConfigurationException Fails(string json)
    {
        File.WriteAllText(_dir.File("sources.json"), json);
        return Assert.Throws<ConfigurationException>(() => SourceCatalog.Load(_dir.File("sources.json")));
    }

    [Fact]
    public void Load_ReadsFeedAndHtmlSourcesWithCaseInsensitiveKeys()
    {
        File.WriteAllText(_dir.File("sources.json"), """
            // comments are allowed
            { "sources": [
              { "id": "bbc", "name": "BBC", "url": "https://feeds.bbci.co.uk/news/rss.xml", "topics": ["world"], "pollInterval": "00:05:00" },
              { "Id": "gov", "Kind": "html", "Url": "https://www.example.gov/news", "Item": "li", "Link": "a", "Date": "time" },
            ] }
            """);

        var sources = SourceCatalog.Load(_dir.File("sources.json"));

        Assert.Equal(TimeSpan.FromMinutes(5), sources[0].PollInterval);
        Assert.Equal(SourceKind.Html, sources[1].Kind);
        Assert.Equal(new HtmlSelectors("li", "a", null, "time", null), sources[1].Selectors);
        Assert.Equal("gov", sources[1].Name);
    }

    [Theory]
    [InlineData("""{ "Sources": [ { "Id": "x", "Kind": "podcast", "Url": "https://a.example/" } ] }""", "Sources[0].Kind", "unknown source kind 'podcast'")]
    [InlineData("""{ "Sources": [ { "Id": "x", "Url": "ftp://a.example/" } ] }""", "Sources[0].Url", "not an absolute http(s) URL")]
    [InlineData("""{ "Sources": [ { "Url": "https://a.example/" } ] }""", "Sources[0].Id", "is required")]
    [InlineData("""{ "Sources": [ { "Id": "x", "Url": "https://a.example/" }, { "Id": "X", "Url": "https://b.example/" } ] }""", "Sources[1].Id", "must be unique")]
    [InlineData("""{ "Sources": [ { "Id": "x", "Url": "https://a.example/", "PollInterval": "soon" } ] }""", "Sources[0].PollInterval", "not a time span")]
    [InlineData("""{ "Sources": [ { "Id": "x", "Url": "https://a.example/", "PollInterval": "00:00:10" } ] }""", "Sources[0].PollInterval", "shorter than the minimum")]
    [InlineData("""{ "Sources": [ { "Id": "x", "Kind": "html", "Url": "https://a.example/" } ] }""", "Sources[0].Item", "is required")]
    [InlineData("""{ "Feeds": [] }""", "Sources", "missing")]
    [InlineData("""{ "Sources": [ { "Id": "x", "Url": "https://a.example/" """, "(file)", "invalid JSON at line 1")]
    public void Load_BadSource_NamesTheFileAndKey(string json, string key, string reason)
    {
        var error = Fails(json);

        Assert.Equal(("sources.json", key), (error.File, error.Key));
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Load_MissingFile_SaysWhereItLooked()
    {
        var error = Assert.Throws<ConfigurationException>(() => SourceCatalog.Load(_dir.File("sources.json")));
        Assert.Contains("not found", error.Message);
        Assert.Contains(_dir.Path, error.Message);
    }

    public void Dispose() => _dir.Dispose();
}
