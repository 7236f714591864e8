using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Bot;

/// <summary>Bad storage settings stop every command with exit 2 and a message naming the key, never echoing the connection string.</summary>
public sealed class StorageSettingsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private async Task<CliResult> RunWith(string settings)
    {
        var config = Path.Combine(_dir.Path, "config");
        new TestConfigFolder(config).WriteSettings(settings).WriteTopics().WriteSources();
        return await CliRun.InProcessAsync("subscriptions", "--config", config, "--data", Path.Combine(_dir.Path, "data"));
    }

    [Fact]
    public async Task AConnectionStringInAppSettings_IsRefusedAsASecret_WithoutEchoingIt()
    {
        var result = await RunWith("""{ "Storage": { "Provider": "postgres", "ConnectionString": "Host=db;Username=u;Password=hunter2-secret" } }""");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Storage:ConnectionString", result.Error);
        Assert.Contains("secret", result.Error);
        Assert.DoesNotContain("hunter2-secret", result.Out + result.Error);
    }

    [Fact]
    public async Task AnUnknownProvider_NamesTheKeyAndTheChoices()
    {
        var result = await RunWith("""{ "Storage": { "Provider": "mysql" } }""");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Storage:Provider", result.Error);
        Assert.Contains("sqlite (default) or postgres", result.Error);
    }

    [Fact]
    public async Task Postgres_WithoutAConnectionString_SaysHowToSetIt()
    {
        var result = await RunWith("""{ "Storage": { "Provider": "postgres" } }""");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("NewsBrief__Storage__ConnectionString", result.Error);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
