using NewsBrief.Bot.Configuration;
using Microsoft.Extensions.Configuration;
using NewsBrief.Bot.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Bot.Web;

/// <summary>The Web section: loopback by default, the admin token required beyond loopback and never read from appsettings.json.</summary>
public sealed class WebSettingsTests
{
    /// <summary>The Web section as the host reads it: bound, validated, trimmed.</summary>
    private static WebOptions Load(IConfiguration root)
    {
        using var provider = new ServiceCollection().AddWebOptions(root).BuildServiceProvider();
        return WebSettings.Normalised(provider.GetRequiredService<WebOptions>());
    }

    /// <summary>The key the first failure names ("Web:AdminToken: ...").</summary>
    private static string FailingKey(IConfiguration root) =>
        Assert.Throws<OptionsValidationException>(() => Load(root)).Failures.First().Split(": ")[0];

    private static IConfiguration Memory(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Defaults_ListenOnLoopbackPort5080()
    {
        var options = Load(Memory());

        Assert.Equal("http://127.0.0.1:5080", options.Urls);
        Assert.Null(options.AdminToken);
        Assert.False(options.RequireLogin);
    }

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://*:5080")]
    [InlineData("http://127.0.0.1:5080;http://192.168.1.10:5080")]
    public void BeyondLoopback_WithoutAToken_NamesTheKey(string urls)
    {
        Assert.Equal("Web:AdminToken", FailingKey(Memory(("Web:Urls", urls))));
    }

    [Fact]
    public void BeyondLoopback_WithAToken_Starts() =>
        Assert.Equal("http://0.0.0.0:5080", Load(Memory(("Web:Urls", "http://0.0.0.0:5080"), ("Web:AdminToken", "a-long-enough-admin-token"))).Urls);

    [Fact]
    public void AShortTokenOrABadAddress_IsRefused()
    {
        Assert.Equal("Web:AdminToken", FailingKey(Memory(("Web:AdminToken", "short"))));
        Assert.Equal("Web:Urls", FailingKey(Memory(("Web:Urls", "ftp://127.0.0.1:21"))));
        Assert.Equal("Web:AdminToken", FailingKey(Memory(("Web:RequireLogin", "true"))));
    }

    [Fact]
    public async Task Serve_BeyondLoopbackWithoutAToken_ExitsTwoNamingTheKey()
    {
        using var dir = new TempDirectory();
        var config = new TestConfigFolder(dir.File("config")).WriteSettings().WriteTopics().WriteSources(("one", new Uri("http://127.0.0.1:9/feed.xml")));

        var result = await CliRun.InProcessAsync("serve", "--urls", "http://0.0.0.0:0", "--config", config.Path, "--data", dir.File("data"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Web:AdminToken", result.Error);
    }

    [Fact]
    public async Task TheTokenInAppSettings_IsRefused_ForItIsASecret()
    {
        using var dir = new TempDirectory();
        var config = new TestConfigFolder(dir.File("config")).WriteSettings("""{ "Web": { "AdminToken": "a-long-enough-admin-token" } }""")
            .WriteTopics().WriteSources(("one", new Uri("http://127.0.0.1:9/feed.xml")));

        var result = await CliRun.InProcessAsync("serve", "--urls", "http://127.0.0.1:0", "--config", config.Path, "--data", dir.File("data"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Web:AdminToken", result.Error);
        Assert.DoesNotContain("a-long-enough-admin-token", result.Error);
    }
}
