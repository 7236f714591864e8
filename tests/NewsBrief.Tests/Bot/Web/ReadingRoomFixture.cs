using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Time.Testing;
using NewsBrief.Bot.Alerts;
using NewsBrief.Bot.Briefing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsBrief.Bot.Composition;
using NewsBrief.Bot.Configuration;
using NewsBrief.Bot.Web;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Bot.Web;

/// <summary>
/// The real reading room on 127.0.0.1 (a free port) over a real SQLite file filled by a real poll of two
/// feeds served on 127.0.0.1, with one brief made; article pages are served too, so citation links resolve.
/// </summary>
public sealed class ReadingRoomFixture : IAsyncDisposable
{
    public const string Token = "test-admin-token-0123456789";
    /// <summary>
    /// A hostile title. The feed parser strips its tags, so the polled item arrives as text; the same title is also
    /// stored as is (as a future importer might), to prove the pages encode what the store holds.
    /// </summary>
    public const string HostileTitle = "Hostile <script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\"> headline";

    private readonly TempDirectory _dir = new();
    private IHost? _host;
    private AppServices? _services;
    private AlertServices? _alerting;
    private WebApplication? _app;

    public LocalHttpServer Feeds { get; } = new();
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    public Uri BaseUri { get; private set; } = null!;
    public AppServices Services => _services!;
    public AlertServices Alerting => _alerting!;
    public string ConfigPath => Path.Combine(_dir.Path, "config");
    public string DataPath => Path.Combine(_dir.Path, "data");

    public static async Task<ReadingRoomFixture> StartAsync(Func<WebOptions, WebOptions>? configure = null)
    {
        var f = new ReadingRoomFixture();
        await f.InitialiseAsync(configure ?? (o => o));
        return f;
    }

    private async Task InitialiseAsync(Func<WebOptions, WebOptions> configure)
    {
        var now = Clock.GetUtcNow();
        var a = new RssBuilder()
            .Item("TikTok ban upheld by appeals court", Page("a1"), "The appeals court upheld the TikTok ban, citing the national security review of the app.", now.AddHours(-3))
            .Item("Ministers publish the online safety act guidance", Page("a2"), "Guidance under the online safety act tells platforms how to check ages.", now.AddHours(-5))
            .Item(System.Net.WebUtility.HtmlEncode(HostileTitle), Page("a3"), "A feed item whose title tries <b>markup</b> and script.", now.AddHours(-2))
            .Build("Outlet A");
        var b = new RssBuilder()
            .Item("Court upholds TikTok ban after appeal", Page("b1"), "Judges upheld the TikTok ban on Friday after the company's appeal failed.", now.AddHours(-4))
            .Item("Summit of foreign ministers opens in Geneva", Page("b2"), "Foreign ministers met at the summit to discuss trade and security.", now.AddHours(-6))
            .Item("Rail unions and operators agree to talks", Page("b4"), "Union leaders will meet rail operators in Manchester on Thursday to settle the pay dispute. "
                + "MPs will vote on the rail bill next week. The new fares take effect in January.", now.AddHours(-7))
            .Build("Outlet B");
        Feeds.MapContent("/a.xml", a);
        Feeds.MapContent("/b.xml", b);
        foreach (var id in new[] { "a1", "a2", "a3", "b1", "b2", "b3", "b4" })
            Feeds.MapContent($"/articles/{id}.html", $"<!DOCTYPE html><html><head><title>{id}</title></head><body><h1 id=\"article\">{id}</h1></body></html>", "text/html; charset=utf-8");
        var config = new TestConfigFolder(ConfigPath)
            .WriteSettings("""{ "Fetch": { "Timeout": "00:00:05", "FetchArticlePages": false, "AllowPrivateAddresses": true }, "Brief": { "TimeZone": "UTC" } }""")
            .WriteTopics()
            .Write("sources.json", $$"""
                { "Sources": [
                  { "Id": "outlet-a", "Name": "Outlet A", "Kind": "feed", "Url": "{{Feeds.Url("/a.xml")}}", "Topics": ["news"], "PollInterval": "00:15:00" },
                  { "Id": "outlet-b", "Name": "Outlet B", "Kind": "feed", "Url": "{{Feeds.Url("/b.xml")}}", "Topics": ["news"], "PollInterval": "00:15:00" }
                ] }
                """);
        _host = NewsBriefHost.Build(AppConfiguration.Load(config.Path, DataPath), Clock, new ConsoleOutput(TextWriter.Null, Json: false));
        _services = _host.Services.GetRequiredService<AppServices>();
        await _services.Refresh.PollAsync(_services.Sources.Current, dueOnly: false, CancellationToken.None);
        _services.Articles.Upsert([new NewsBrief.Core.Domain.Article
        {
            SourceId = "outlet-b", Url = Page("b3"), CanonicalUrl = Page("b3"), Title = HostileTitle, Description = "Stored with its markup, as text.",
            Published = now.AddHours(-1), Fetched = now, ContentHash = "hostile",
        }]);
        await _services.BriefService.CreateAsync(TimeSpan.FromDays(1), BriefScope.All, newOnly: false, CancellationToken.None);
        _alerting = _host.Services.GetRequiredService<AlertServices>();
        var options = configure(new WebOptions { Urls = "http://127.0.0.1:0", AdminToken = Token });
        _app = ReadingRoom.Create(_services, _alerting, options);
        await _app.StartAsync();
        BaseUri = new Uri(_app.Urls.First().TrimEnd('/') + "/");
    }

    private string Page(string id) => Feeds.Url($"/articles/{id}.html").ToString();

    /// <summary>A client that keeps cookies and does not follow redirects (so a 302 is seen as such).</summary>
    public HttpClient Client(CookieContainer? cookies = null) => new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        CookieContainer = cookies ?? new CookieContainer(),
    }) { BaseAddress = BaseUri };

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _host?.Dispose();
        await Feeds.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
