using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Bot;

public sealed class CliConfigurationErrorTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly TestConfigFolder _config;

    public CliConfigurationErrorTests()
    {
        _config = new TestConfigFolder(Path.Combine(_dir.Path, "config")).WriteSettings().WriteTopics()
            .WriteSources(("one", new Uri("http://127.0.0.1:9/feed.xml")));
    }

    private Task<CliResult> Brief(params string[] extra) =>
        CliRun.InProcessAsync(["brief", "--no-poll", "--config", _config.Path, "--data", Path.Combine(_dir.Path, "data"), .. extra]);

    [Theory]
    [InlineData("sources.json", null, "sources.json: (file): not found")]
    [InlineData("sources.json", """{ "Sources": [ { "Id": "a", "Url": "https://a.example/" """, "sources.json: (file): invalid JSON")]
    [InlineData("sources.json", """{ "Sources": [ { "Id": "a", "Kind": "telegram", "Url": "https://a.example/" } ] }""", "sources.json: Sources[0].Kind: unknown source kind 'telegram'")]
    [InlineData("topics.json", """{ "Topics": [ { "Name": "Empty", "Query": "   " } ] }""", "topics.json: Topics[0].Query")]
    [InlineData("topics.json", """{ "Topics": [ { "Name": "Broken", "Query": "tiktok AND (ban OR" } ] }""", "topics.json: Topics[0].Query: bad query")]
    [InlineData("appsettings.json", """{ "Fetch": { "Timeout": "soon" } }""", "appsettings.json: Fetch:Timeout")]
    [InlineData("appsettings.json", """{ "Fetch": { "Timeout": "01:00:00" } }""", "appsettings.json: Fetch:Timeout")]
    [InlineData("appsettings.json", """{ "Brief": { "TimeZone": "Mars/Olympus" } }""", "appsettings.json: Brief:TimeZone: 'Mars/Olympus' is not a known IANA time zone")]
    [InlineData("appsettings.json", """{ "Brief": { "DailyTime": "25:00" } }""", "appsettings.json: Brief:DailyTime")]
    [InlineData("appsettings.json", """{ "Brief": """, "appsettings.json: (file): invalid JSON")]
    [InlineData("appsettings.json", """{ "Fetch": { "Timeout": "soon" } }""", "appsettings.json: Fetch:Timeout: 'soon' is not a valid duration")]
    [InlineData("appsettings.json", """{ "Service": { "PollTick": "00:00:01" } }""", "appsettings.json: Service:PollTick: ")]
    [InlineData("appsettings.json", """{ "Delivery": { "MaxAttempts": 0 } }""", "appsettings.json: Delivery:MaxAttempts: ")]
    [InlineData("appsettings.json", """{ "Alerts": { "DigestTime": "8am" } }""", "appsettings.json: Alerts:DigestTime: must be a time of day")]
    [InlineData("appsettings.json", """{ "Schedules": { "Tick": "00:00:00" } }""", "appsettings.json: Schedules:Tick: ")]
    [InlineData("appsettings.json", """{ "Stories": { "Threshold": 2 } }""", "appsettings.json: Stories:Threshold: ")]
    [InlineData("appsettings.json", """{ "Summariser": { "Provider": "olama" } }""", "appsettings.json: Summariser:Provider: 'olama' is not known")]
    [InlineData("appsettings.json", """{ "Web": { "Urls": "ftp://127.0.0.1:21" } }""", "appsettings.json: Web:Urls: 'ftp://127.0.0.1:21' is not an http(s) address")]
    [InlineData("appsettings.json", """{ "Telemetry": { "ServiceName": "" } }""", "appsettings.json: Telemetry:ServiceName: ")]
    public async Task BadConfiguration_ExitsTwoNamingTheFileAndKey(string file, string? content, string expected)
    {
        var path = Path.Combine(_config.Path, file);
        if (content is null) File.Delete(path);
        else File.WriteAllText(path, content);

        var result = await Brief();

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task SeveralBadSections_AreAllNamed_OnePerLine()
    {
        File.WriteAllText(Path.Combine(_config.Path, "appsettings.json"), """{ "Brief": { "MaxStories": 0 }, "Delivery": { "MaxAttempts": 0 } }""");

        var result = await Brief();

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("configuration error: appsettings.json: Brief:MaxStories: ", result.Error);
        Assert.Contains("configuration error: appsettings.json: Delivery:MaxAttempts: ", result.Error);
    }

    [Fact]
    public async Task MissingConfigFolder_ExitsTwo()
    {
        var result = await CliRun.InProcessAsync("sources", "list", "--config", Path.Combine(_dir.Path, "nowhere"), "--data", _dir.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("configuration folder does not exist", result.Error);
    }

    [Theory]
    [InlineData(new[] { "--since", "yesterday" }, "--since: 'yesterday' is not a duration")]
    [InlineData(new[] { "--since", "400d" }, "at most 90 days")]
    [InlineData(new[] { "--topic", "Sport" }, "unknown topic \"Sport\" (known: \"TikTok bans\", \"Diplomatic meetings\")")]
    [InlineData(new[] { "--format", "pdf" }, "pdf")]
    [InlineData(new[] { "--query", "tiktok AND" }, "bad query \"tiktok AND\"")]
    [InlineData(new[] { "--query", "(tiktok OR ban" }, "(at position")]
    [InlineData(new[] { "--topic", "TikTok bans", "--query", "x" }, "give --topic or --query, not both")]
    public async Task BadUsage_ExitsTwoWithAMessage(string[] args, string expected)
    {
        var result = await Brief(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error);
    }

    [Fact]
    public async Task UnknownCommand_ExitsTwo()
    {
        var result = await CliRun.InProcessAsync("frobnicate");

        Assert.Equal(2, result.ExitCode);
    }

    public void Dispose() => _dir.Dispose();
}
