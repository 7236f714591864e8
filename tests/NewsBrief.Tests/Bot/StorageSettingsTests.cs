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
        Assert.Contains("'mysql' is not one of sqlite or postgres", result.Error);
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("PostgreSQL")]
    public async Task Postgres_UnderEitherName_IsValidatedOnStartWithTheOtherSections(string provider)
    {
        var result = await RunWith($$"""{ "Storage": { "Provider": "{{provider}}" }, "Brief": { "TimeZone": "Mars/Olympus" } }""");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("appsettings.json: Storage:ConnectionString: Storage:Provider is postgres, so a connection string is required", result.Error);
        Assert.Contains("Brief:TimeZone", result.Error); // every section's failures at once: one mechanism
    }

    [Fact]
    public async Task ABadConnectionStringFromTheEnvironment_NamesTheVariable_WithoutEchoingIt()
    {
        var config = Path.Combine(_dir.Path, "config");
        new TestConfigFolder(config).WriteSettings("""{ "Storage": { "Provider": "postgres" } }""").WriteTopics().WriteSources();

        var result = await CliRun.ProcessAsync(new Dictionary<string, string> { ["NewsBrief__Storage__ConnectionString"] = "Host=db;Bogus Key=hunter2-secret" },
            "subscriptions", "--config", config, "--data", Path.Combine(_dir.Path, "data"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("environment NewsBrief__Storage__ConnectionString: Storage:ConnectionString:", result.Error);
        Assert.DoesNotContain("hunter2-secret", result.Out + result.Error);
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
