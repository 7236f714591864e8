using NewsBrief.Bot.Sources;
using NewsBrief.Core.Configuration;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Bot.Web;

/// <summary>OPML out and in: the default catalogue survives a round trip, the CLI imports into sources.json, bad files are named.</summary>
public sealed class OpmlRoundTripTests
{
    private static string DefaultCatalogue => Path.Combine(RepoRoot.Path, "config", "sources.json");

    [Fact]
    public void DefaultCatalogue_RoundTripsThroughOpml()
    {
        var sources = SourceCatalog.Load(DefaultCatalogue);

        var back = OpmlFile.Read(OpmlFile.Write(sources));

        Assert.Equal(sources.Count, back.Count);
        foreach (var (s, f) in sources.Zip(back))
        {
            Assert.Equal(s.Id, f.Id);
            Assert.Equal(s.Name, f.Name);
            Assert.Equal(s.Url, f.Url);
            Assert.Equal(s.Topics, f.Topics);
            Assert.Equal(s.PollInterval, f.PollInterval);
        }
    }

    [Fact]
    public async Task Cli_ExportThenImport_IntoAnEmptyCatalogue_GivesTheSameSources()
    {
        using var dir = new TempDirectory();
        var from = new TestConfigFolder(dir.File("from")).WriteSettings().WriteTopics();
        File.Copy(DefaultCatalogue, Path.Combine(from.Path, "sources.json"));
        var to = new TestConfigFolder(dir.File("to")).WriteSettings().WriteTopics().Write("sources.json", """{ "Sources": [] }""");

        var export = await CliRun.InProcessAsync("sources", "export", "--config", from.Path, "--data", dir.File("data"));
        File.WriteAllText(dir.File("sources.opml"), export.Out);
        var import = await CliRun.InProcessAsync("sources", "import", dir.File("sources.opml"), "--config", to.Path, "--data", dir.File("data2"));
        var again = await CliRun.InProcessAsync("sources", "import", dir.File("sources.opml"), "--config", to.Path, "--data", dir.File("data2"));

        Assert.Equal(0, export.ExitCode);
        Assert.Equal(0, import.ExitCode);
        var original = SourceCatalog.Load(DefaultCatalogue);
        var imported = SourceCatalog.Load(Path.Combine(to.Path, "sources.json"));
        Assert.Equal(original.Select(s => (s.Id, s.Name, s.Url, string.Join(",", s.Topics), s.PollInterval)),
            imported.Select(s => (s.Id, s.Name, s.Url, string.Join(",", s.Topics), s.PollInterval)));
        Assert.Contains($"imported {original.Count} sources", import.Out);
        Assert.Contains("imported 0 sources", again.Out);
    }

    [Fact]
    public void FeedReaderOpml_WithFoldersAndNoIdsOfOurs_IsRead()
    {
        var feeds = OpmlFile.Read("""
            <?xml version="1.0"?><opml version="1.0"><head/><body>
              <outline text="Tech"><outline text="Ars" type="rss" xmlUrl="https://feeds.arstechnica.com/arstechnica/index" category="/tech/news"/></outline>
            </body></opml>
            """);

        var f = Assert.Single(feeds);
        Assert.Null(f.Id);
        Assert.Equal("Ars", f.Name);
        Assert.Equal(["news"], f.Topics);
    }

    [Theory]
    [InlineData("<opml><body><outline xmlUrl=\"javascript:alert(1)\" text=\"x\"/></body></opml>", "is not an http(s) address")]
    [InlineData("<rss/>", "not <opml>")]
    [InlineData("<opml><body>", "not well-formed XML at line 1")]
    [InlineData("<!DOCTYPE opml [<!ENTITY x \"y\">]><opml/>", "not well-formed XML")]
    public void BadOpml_IsRefusedSayingWhy(string text, string expected) =>
        Assert.Contains(expected, Assert.Throws<FormatException>(() => OpmlFile.Read(text)).Message);
}
