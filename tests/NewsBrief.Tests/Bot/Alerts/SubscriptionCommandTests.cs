using System.Text.Json;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Bot.Alerts;

/// <summary>The subscription and schedule commands, run in-process against a real SQLite file.</summary>
public sealed class SubscriptionCommandTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private readonly LocalHttpServer _server = new();
    private TestConfigFolder _config = null!;
    private string Data => Path.Combine(_dir.Path, "data");

    public Task InitializeAsync()
    {
        _config = new TestConfigFolder(Path.Combine(_dir.Path, "config"))
            .WriteSettings("""{ "Fetch": { "FetchArticlePages": false }, "Brief": { "TimeZone": "UTC" }, "Alerts": { "MaxSubscriptionsPerOwner": 2, "MaxQueryLength": 40 } }""")
            .WriteTopics().WriteSources(("wire", _server.Url("/wire.xml")));
        _server.MapContent("/wire.xml", new RssBuilder().Build());
        return Task.CompletedTask;
    }

    private Task<CliResult> Run(params string[] args) => CliRun.InProcessAsync([.. args, "--config", _config.Path, "--data", Data]);

    [Fact]
    public async Task Subscribe_ThenSubscriptions_ListsItWithAWebhookShownByHostOnly()
    {
        var added = await Run("subscribe", "tiktok AND ban*", "--to", "webhook:https://hooks.example/secret", "--mode", "digest", "--name", "TikTok");
        var list = await Run("subscriptions", "--format", "json");

        Assert.True(added.ExitCode == 0, added.Error);
        var row = Assert.Single(JsonDocument.Parse(list.Out).RootElement.EnumerateArray().ToList());
        Assert.Equal("tiktok AND ban*", row.GetProperty("query").GetString());
        Assert.Equal("webhook:https://hooks.example/…", row.GetProperty("destination").GetString());
        Assert.Equal(("digest", "TikTok", "cli"), (row.GetProperty("mode").GetString(), row.GetProperty("name").GetString(), row.GetProperty("owner").GetString()));
        Assert.DoesNotContain("secret", list.Out + added.Out);
    }

    [Fact]
    public async Task Unsubscribe_RemovesTheSubscriptionAndRejectsAnUnknownId()
    {
        await Run("subscribe", "tiktok");

        var removed = await Run("unsubscribe", "1");
        var unknown = await Run("unsubscribe", "1");
        var list = await Run("subscriptions", "--format", "json");

        Assert.Equal((0, 2), (removed.ExitCode, unknown.ExitCode));
        Assert.Contains("no subscription has the id 1", unknown.Error);
        Assert.Equal("[]", list.Out.Trim());
    }

    [Theory]
    [InlineData("subscribe|   ", "the query is empty")]
    [InlineData("subscribe|tiktok AND (ban OR bans OR banned OR prohibited OR outlawed)", "at most 40 are allowed (Alerts:MaxQueryLength)")]
    [InlineData("subscribe|tiktok|--to|fax:0123", "unknown destination 'fax:0123'")]
    [InlineData("subscribe|tiktok|--mode|hourly", "'hourly' is not a mode; expected instant or digest")]
    [InlineData("schedule|set|console|0 8 * *", "is not a five-field cron expression")]
    [InlineData("schedule|set|console|0 25 * * 1-5", "hour 25 is out of range (0-23)")]
    [InlineData("schedule|set|console|0 8 * * 1-8", "day-of-week 8 is out of range")]
    [InlineData("subscribe|(tiktok or douyin", "did you mean OR?")]
    [InlineData("schedule|set|console|0 8 * * 1-5|--tz|Europe/Londres", "'Europe/Londres' is not a known IANA time zone")]
    [InlineData("schedule|set|console|0 8 * * 1-5|--topics|Weather", "unknown topic \"Weather\"")]
    [InlineData("schedule|set|console|0 8 * * 1-5|--quiet|late", "--quiet: 'late' is not a quiet period")]
    [InlineData("schedule|set|webhook:nowhere|0 8 * * 1-5", "is not an http or https URL")]
    [InlineData("deliveries|--status|lost", "lost")]
    public async Task BadInput_ExitsTwoWithAMessageThatNamesTheProblem(string args, string message)
    {
        var result = await Run(args.Split('|'));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
    }

    [Theory]
    [InlineData("Alerts", "DailyCap", "0")]
    [InlineData("Delivery", "MaxAttempts", "0")]
    [InlineData("Schedules", "CatchUpWindow", "\"30.00:00:00\"")]
    public async Task ABadAlertSetting_ExitsTwoNamingTheKey(string section, string key, string value)
    {
        _config.WriteSettings($$"""{ "{{section}}": { "{{key}}": {{value}} } }""");

        var result = await Run("subscriptions");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{section}:{key}", result.Error);
    }

    [Fact]
    public async Task Subscribe_BeyondTheOwnersLimit_ExitsTwoAndSaysWhichSetting()
    {
        await Run("subscribe", "tiktok");
        await Run("subscribe", "summit");

        var third = await Run("subscribe", "ransomware");

        Assert.Equal(2, third.ExitCode);
        Assert.Contains("holds 2 subscriptions, the most allowed (Alerts:MaxSubscriptionsPerOwner)", third.Error);
    }

    [Fact]
    public async Task SubscriptionsExplain_SaysWhetherAnArticleMatchedAndWhatBecameOfIt()
    {
        await Run("subscribe", "tiktok");
        _server.MapContent("/wire.xml", new RssBuilder()
            .Item("TikTok fined in Ireland", "https://wire.example/tiktok", "TikTok was fined.", DateTimeOffset.UtcNow)
            .Item("Rain over the weekend", "https://wire.example/rain", "Weather.", DateTimeOffset.UtcNow).Build());
        var poll = await Run("poll", "--format", "json");

        var hit = await Run("subscriptions", "explain", "1", "https://wire.example/tiktok?utm_source=x", "--format", "json");
        var miss = await Run("subscriptions", "explain", "1", "https://wire.example/rain");
        var unknown = await Run("subscriptions", "explain", "1", "https://wire.example/never");

        Assert.Single(poll.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var json = JsonDocument.Parse(hit.Out);
        Assert.Equal((true, "sent"), (json.RootElement.GetProperty("matches").GetBoolean(), json.RootElement.GetProperty("status").GetString()));
        Assert.Contains("tiktok", json.RootElement.GetProperty("matched").EnumerateArray().Select(t => t.GetString()));
        Assert.Contains("matched: tiktok (title)", json.RootElement.GetProperty("why").GetString());
        Assert.Contains("matches: no: not matched: found nothing; missing: tiktok", miss.Out);
        Assert.Contains("status: no-match", miss.Out);
        var outbox = JsonDocument.Parse((await Run("deliveries", "--format", "json")).Out).RootElement.EnumerateArray().ToList();
        Assert.Equal(("alert", "console", "sent"), (outbox[0].GetProperty("kind").GetString(), outbox[0].GetProperty("destination").GetString(), outbox[0].GetProperty("status").GetString()));
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no stored article has the URL", unknown.Error);
    }

    [Fact]
    public async Task SubscriptionsExplain_OfAQueryWithALowercaseOr_NotesThatItIsAWord()
    {
        await Run("subscribe", "tiktok or douyin");
        _server.MapContent("/wire.xml", new RssBuilder().Item("TikTok fined in Ireland", "https://wire.example/tiktok", "TikTok was fined.", DateTimeOffset.UtcNow).Build());
        await Run("poll");

        var text = await Run("subscriptions", "explain", "1", "https://wire.example/tiktok");
        var json = await Run("subscriptions", "explain", "1", "https://wire.example/tiktok", "--format", "json");

        Assert.Contains("missing: or, douyin", text.Out);
        Assert.Contains("\nnote: 'or' at position 8 is a word to look for, not an operator (operators are uppercase): did you mean OR?", text.Out);
        Assert.Contains("did you mean OR?", JsonDocument.Parse(json.Out).RootElement.GetProperty("note").GetString());
    }

    [Fact]
    public async Task ScheduleSet_ThenList_ShowsTheNextOccurrenceInItsZone()
    {
        var set = await Run("schedule", "set", "discord:channel:42", "0 8 * * 1-5", "--tz", "Europe/London", "--topics", "tiktok bans", "--quiet", "22:00-07:00");
        var list = await Run("schedule", "list", "--format", "json");

        Assert.True(set.ExitCode == 0, set.Error);
        Assert.Contains("next brief", set.Out);
        var row = Assert.Single(JsonDocument.Parse(list.Out).RootElement.EnumerateArray().ToList());
        Assert.Equal(("discord:channel:42", "0 8 * * 1-5", "Europe/London"), (row.GetProperty("destination").GetString(), row.GetProperty("cron").GetString(), row.GetProperty("timeZone").GetString()));
        Assert.Equal("TikTok bans", row.GetProperty("topics")[0].GetString());
        Assert.Equal("22:00-07:00", row.GetProperty("quietHours").GetString());
        var next = row.GetProperty("next").GetDateTimeOffset();
        var local = TimeZoneInfo.ConvertTime(next, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        Assert.Equal((8, 0), (local.Hour, local.Minute));
        Assert.InRange((int)local.DayOfWeek, 1, 5);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
