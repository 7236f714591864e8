using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsBrief.Tests.Bot.Web;

/// <summary>Changes through the reading room: the login, subscriptions by form (antiforgery) and by API (bearer), and the preview.</summary>
public sealed partial class ReadingRoomChangeTests : IAsyncLifetime
{
    private ReadingRoomFixture _room = null!;

    public async Task InitializeAsync() => _room = await ReadingRoomFixture.StartAsync();

    public async Task DisposeAsync() => await _room.DisposeAsync();

    private static async Task<string> FormTokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        return WebUtility.HtmlDecode(AntiforgeryField().Match(html).Groups[1].Value);
    }

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    private async Task<HttpClient> LoggedInAsync()
    {
        var client = _room.Client();
        var token = await FormTokenAsync(client, "/login");
        var login = await client.PostAsync("/login", Form(("__af", token), ("token", ReadingRoomFixture.Token), ("returnUrl", "/subscriptions")));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("newsbrief_admin=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(ReadingRoomFixture.Token, cookie);
        return client;
    }

    [Fact]
    public async Task Subscription_CreatedThroughTheFormAfterLogin_IsStoredAndListed()
    {
        using var client = await LoggedInAsync();
        var token = await FormTokenAsync(client, "/subscriptions");

        var created = await client.PostAsync("/subscriptions", Form(("__af", token), ("query", "tiktok AND ban"), ("name", "TikTok watch"), ("to", "console"), ("mode", "instant")));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var sub = Assert.Single(_room.Alerting.Subscriptions.List());
        Assert.Equal("tiktok AND ban", sub.Query);
        Assert.Equal("web", sub.Owner);
        Assert.Contains("TikTok watch", await client.GetStringAsync("/subscriptions"));
    }

    [Fact]
    public async Task Subscription_WithoutTheToken_IsRefusedWith403()
    {
        using var client = _room.Client();
        var token = await FormTokenAsync(client, "/subscriptions");

        var refused = await client.PostAsync("/subscriptions", Form(("__af", token), ("query", "tiktok")));
        var wrongLogin = await client.PostAsync("/login", Form(("__af", await FormTokenAsync(client, "/login")), ("token", "not-the-token-at-all")));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrongLogin.StatusCode);
        Assert.Empty(_room.Alerting.Subscriptions.List());
    }

    [Fact]
    public async Task Subscription_WithABadQuery_IsRefusedNamingThePosition()
    {
        using var client = await LoggedInAsync();
        var token = await FormTokenAsync(client, "/subscriptions");

        var refused = await client.PostAsync("/subscriptions", Form(("__af", token), ("query", "tiktok AND (ban OR")));
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Matches("id=\"subscription-error\">bad query .*at position \\d+", html);
        Assert.Empty(_room.Alerting.Subscriptions.List());
    }

    [Fact]
    public async Task Subscription_PostedWithoutTheAntiforgeryToken_IsRefused()
    {
        using var client = await LoggedInAsync();

        var refused = await client.PostAsync("/subscriptions", Form(("query", "tiktok")));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Empty(_room.Alerting.Subscriptions.List());
    }

    [Fact]
    public async Task Subscription_CanBeDeletedByAnAdmin()
    {
        using var client = await LoggedInAsync();
        await client.PostAsync("/subscriptions", Form(("__af", await FormTokenAsync(client, "/subscriptions")), ("query", "summit")));
        var id = Assert.Single(_room.Alerting.Subscriptions.List()).Id;

        var deleted = await client.PostAsync($"/subscriptions/{id}/delete", Form(("__af", await FormTokenAsync(client, "/subscriptions"))));

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Empty(_room.Alerting.Subscriptions.List());
    }

    [Fact]
    public async Task Preview_SaysHowManyArticlesOfTheLastWeekWouldHaveMatched_AndListsThem()
    {
        using var client = _room.Client();
        var html = await client.GetStringAsync("/subscriptions?query=" + Uri.EscapeDataString("tiktok AND ban"));
        var bad = await client.GetStringAsync("/subscriptions?query=" + Uri.EscapeDataString("\"unclosed"));

        Assert.Contains("Would have matched 2 articles in the last 7 days.", html);
        Assert.Contains("Court upholds TikTok ban after appeal", html);
        Assert.Matches("id=\"preview-error\">bad query: .*position \\d+", bad);
    }

    [Fact]
    public async Task Api_CreatesWithTheBearerToken_AndRefusesWithoutIt()
    {
        using var client = _room.Client();
        var body = new StringContent("""{"query":"summit OR diplomat*","name":"Diplomacy"}""", Encoding.UTF8, "application/json");
        var refused = await client.PostAsync("/api/subscriptions", body);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/subscriptions") { Content = new StringContent("""{"query":"summit OR diplomat*","name":"Diplomacy"}""", Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ReadingRoomFixture.Token);
        var created = await client.SendAsync(request);
        using var bad = new HttpRequestMessage(HttpMethod.Post, "/api/subscriptions") { Content = new StringContent("""{"query":"a AND"}""", Encoding.UTF8, "application/json") };
        bad.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ReadingRoomFixture.Token);
        var badAnswer = await client.SendAsync(bad);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Contains("\"name\": \"Diplomacy\"", await created.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, badAnswer.StatusCode);
        Assert.Contains("position", await badAnswer.Content.ReadAsStringAsync());
        Assert.Single(_room.Alerting.Subscriptions.List());
    }

    [GeneratedRegex("name=\"__af\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
