using NewsBrief.Core.Configuration;
using NewsBrief.Core.Domain;
using NewsBrief.Scrapers.Refresh;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Scrapers.Fetching;

/// <summary>
/// Per-source Headers, Cookie and UserAgent in sources.json: read and checked, <c>${ENV}</c> secrets expanded at
/// request time, sent to a local server that refuses the feed without them, and never carried to another host.
/// </summary>
public sealed class SourceHeadersTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    // One variable per test class instance, so parallel tests never see each other's values.
    private readonly string _secretVariable = $"NB_TEST_COOKIE_{Guid.NewGuid():N}";
    private const string Secret = "session=s3cr3t-value";

    public SourceHeadersTests() => Environment.SetEnvironmentVariable(_secretVariable, Secret);

    private IReadOnlyList<Source> Load(string sourceJson)
    {
        File.WriteAllText(_dir.File("sources.json"), $$"""{ "Sources": [ {{sourceJson}} ] }""");
        return SourceCatalog.Load(_dir.File("sources.json"));
    }

    private ConfigurationException Refused(string sourceJson) => Assert.Throws<ConfigurationException>(() => Load(sourceJson));

    [Fact]
    public async Task AFeedThatNeedsThem_IsFetchedWithTheSourcesHeadersCookieAndUserAgent()
    {
        await using var server = new LocalHttpServer();
        server.Map("/feed", ctx =>
        {
            var ok = ctx.Request.Headers["Cookie"] == Secret && ctx.Request.Headers["X-Api-Key"] == "k-123"
                && ctx.Request.Headers["User-Agent"] == "PolicyDesk/1.0 (desk@example.org)";
            return LocalHttpServer.WriteAsync(ctx, ok ? 200 : 403, ok ? new RssBuilder().Item("One", "https://a.example/1", "The first.", DateTimeOffset.UtcNow).Build() : "no", "application/rss+xml");
        });
        var source = Load($$"""
            { "Id": "walled", "Url": "{{server.Url("/feed")}}", "Cookie": "${{{_secretVariable}}}",
              "Headers": { "X-Api-Key": "k-123" }, "UserAgent": "PolicyDesk/1.0 (desk@example.org)" }
            """).Single();
        using var factory = new FetcherFactory();

        var with = await factory.Fetcher.FetchAsync(SourceRequest.For(source, source.Url), CancellationToken.None);
        var without = await factory.Fetcher.FetchAsync(SourceRequest.For(source with { Cookie = null }, source.Url), CancellationToken.None);

        Assert.True(with.IsOk, with.Message);
        Assert.Equal(403, without.HttpStatus);
        Assert.Equal("${" + _secretVariable + "}", source.Cookie); // the secret stays in the environment, not in the record
        Assert.DoesNotContain(Secret, source.ToString());
    }

    [Fact]
    public async Task ARedirectToAnotherHost_CarriesTheUserAgentButNotTheCookieOrHeaders()
    {
        await using var origin = new LocalHttpServer();
        await using var elsewhere = new LocalHttpServer();
        elsewhere.MapContent("/feed", new RssBuilder().Item("One", "https://a.example/1", "The first.", DateTimeOffset.UtcNow).Build());
        origin.Map("/moved", ctx =>
        {
            ctx.Response.Redirect(elsewhere.Url("/feed").ToString());
            ctx.Response.Close();
            return Task.CompletedTask;
        });
        var source = Load($$"""
            { "Id": "moved", "Url": "{{origin.Url("/moved")}}", "Cookie": "${{{_secretVariable}}}", "Headers": { "Authorization": "Bearer t0ken" }, "UserAgent": "PolicyDesk/1.0" }
            """).Single();
        using var factory = new FetcherFactory();

        var result = await factory.Fetcher.FetchAsync(SourceRequest.For(source, source.Url), CancellationToken.None);

        Assert.True(result.IsOk, result.Message);
        var first = Assert.Single(origin.Requests);
        var second = Assert.Single(elsewhere.Requests);
        Assert.Equal((Secret, "Bearer t0ken"), (first.Headers["Cookie"], first.Headers["Authorization"]));
        Assert.False(second.Headers.ContainsKey("Cookie"));
        Assert.False(second.Headers.ContainsKey("Authorization"));
        Assert.Equal("PolicyDesk/1.0", second.Headers["User-Agent"]);
    }

    [Theory]
    [InlineData("""{ "Bad Name": "x" }""", "Sources[0].Headers.Bad Name", "not a valid HTTP header name")]
    [InlineData("""{ "Host": "evil.example" }""", "Sources[0].Headers.Host", "set by the fetcher")]
    [InlineData("""{ "Cookie": "a=b" }""", "Sources[0].Headers.Cookie", "\"Cookie\" key")]
    [InlineData("""{ "X-Injected": "a\r\nX-Evil: 1" }""", "Sources[0].Headers.X-Injected", "line break")]
    [InlineData("""{ "X-Key": 5 }""", "Sources[0].Headers.X-Key", "expected a string")]
    [InlineData("""[ "X-Key" ]""", "Sources[0].Headers", "expected an object")]
    [InlineData("""{ "X-Key": "${NB_TEST_SURELY_UNSET_VARIABLE}" }""", "Sources[0].Headers.X-Key", "NB_TEST_SURELY_UNSET_VARIABLE, which is not set")]
    public void BadHeaders_AreRefusedNamingTheKey(string headers, string key, string reason)
    {
        var error = Refused($$"""{ "Id": "a", "Url": "https://a.example/feed", "Headers": {{headers}} }""");

        Assert.Equal((key, true), (error.Key, error.Reason.Contains(reason, StringComparison.Ordinal)));
    }

    [Fact]
    public void ACookieOrUserAgentWithALineBreak_IsRefused_AndAnEnvironmentValueIsNeverShown()
    {
        Environment.SetEnvironmentVariable(_secretVariable + "_NL", "secret\r\nX-Evil: 1");
        try
        {
            Assert.Equal("Sources[0].UserAgent", Refused("""{ "Id": "a", "Url": "https://a.example/feed", "UserAgent": "x\ny" }""").Key);
            var reference = "${" + _secretVariable + "_NL}";
            var error = Refused($$"""{ "Id": "a", "Url": "https://a.example/feed", "Cookie": "{{reference}}" }""");
            Assert.Equal("Sources[0].Cookie", error.Key);
            Assert.DoesNotContain("secret", error.Message);
        }
        finally { Environment.SetEnvironmentVariable(_secretVariable + "_NL", null); }
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(_secretVariable, null);
        _dir.Dispose();
    }
}
