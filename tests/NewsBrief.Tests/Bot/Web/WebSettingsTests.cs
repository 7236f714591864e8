using Microsoft.Extensions.Configuration;
using NewsBrief.Bot.Web;
using NewsBrief.Core.Configuration;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Bot.Web;

/// <summary>The Web section: loopback by default, the admin token required beyond loopback and never read from appsettings.json.</summary>
public sealed class WebSettingsTests
{
    private static IConfiguration Memory(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Defaults_ListenOnLoopbackPort5080()
    {
        var options = WebSettings.Load(Memory());

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
        var e = Assert.Throws<ConfigurationException>(() => WebSettings.Load(Memory(("Web:Urls", urls))));

        Assert.Equal("Web:AdminToken", e.Key);
    }

    [Fact]
    public void BeyondLoopback_WithAToken_Starts() =>
        Assert.Equal("http://0.0.0.0:5080", WebSettings.Load(Memory(("Web:Urls", "http://0.0.0.0:5080"), ("Web:AdminToken", "a-long-enough-admin-token"))).Urls);

    [Fact]
    public void AShortTokenOrABadAddress_IsRefused()
    {
        Assert.Equal("Web:AdminToken", Assert.Throws<ConfigurationException>(() => WebSettings.Load(Memory(("Web:AdminToken", "short")))).Key);
        Assert.Equal("Web:Urls", Assert.Throws<ConfigurationException>(() => WebSettings.Load(Memory(("Web:Urls", "ftp://127.0.0.1:21")))).Key);
        Assert.Equal("Web:AdminToken", Assert.Throws<ConfigurationException>(() => WebSettings.Load(Memory(("Web:RequireLogin", "true")))).Key);
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
