using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Bot;

/// <summary>
/// Environment variables (NewsBrief__Section__Key) override appsettings.json in the real executable, in both
/// directions: a bad file value is rescued by a good variable, and a bad variable beats a good file value.
/// </summary>
public sealed class EnvironmentOverrideTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private string Data => Path.Combine(_dir.Path, "data");

    private TestConfigFolder Config(string name, string timeZone) =>
        new TestConfigFolder(Path.Combine(_dir.Path, name)).WriteTopics().WriteSources()
            .WriteSettings($$"""{ "Fetch": { "FetchArticlePages": false }, "Brief": { "TimeZone": "{{timeZone}}" } }""");

    [Fact]
    public async Task EnvironmentVariables_OverrideAppSettings_BothWays()
    {
        var bad = Config("bad", "Nowhere/Special");
        var good = Config("good", "UTC");

        var fileAlone = await CliRun.ProcessAsync(null, "brief", "--no-poll", "--config", bad.Path, "--data", Data);
        var rescued = await CliRun.ProcessAsync(new Dictionary<string, string> { ["NewsBrief__Brief__TimeZone"] = "UTC" },
            "brief", "--no-poll", "--config", bad.Path, "--data", Data);
        var spoiled = await CliRun.ProcessAsync(new Dictionary<string, string> { ["NewsBrief__Brief__TimeZone"] = "Elsewhere/Odd" },
            "brief", "--no-poll", "--config", good.Path, "--data", Data);

        Assert.Equal(2, fileAlone.ExitCode);
        Assert.Contains("Brief:TimeZone: 'Nowhere/Special'", fileAlone.Error);
        Assert.True(rescued.ExitCode == 0, rescued.Error);
        Assert.Equal(2, spoiled.ExitCode);
        Assert.Contains("Brief:TimeZone: 'Elsewhere/Odd'", spoiled.Error);
        Assert.Contains("appsettings.json: Brief:TimeZone", fileAlone.Error);
        Assert.Contains("environment NewsBrief__Brief__TimeZone: Brief:TimeZone", spoiled.Error); // where to fix it
    }

    public void Dispose() => _dir.Dispose();
}
