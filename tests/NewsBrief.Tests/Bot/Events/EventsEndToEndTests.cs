using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Bot.Events;

/// <summary>
/// Events from ingest to output: two outlets on 127.0.0.1 report the same visit; a poll stores one event citing
/// both; the brief's "Coming up" and <c>newsbrief events</c> (text, json, ics) show it.
/// </summary>
public sealed class EventsEndToEndTests : IAsyncLifetime
{
    // Monday 10 February 2025, morning.
    private static readonly DateTimeOffset Monday = new(2025, 2, 10, 8, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();
    private readonly LocalHttpServer _server = new();
    private readonly FakeTimeProvider _clock = new(Monday.AddHours(2));
    private TestConfigFolder _config = null!;
    private string Data => Path.Combine(_dir.Path, "data");

    public Task InitializeAsync()
    {
        _server.MapContent("/one.xml", new RssBuilder()
            .Item("Wang Yi to visit London", "https://one.example/wang-yi-london",
                "Chinese Foreign Minister Wang Yi will visit London on Thursday, February 13, ahead of the Munich Security Conference. " +
                "Foreign Secretary David Lammy is due to meet his Chinese counterpart this week, officials said.", Monday)
            .Item("Markets close higher", "https://one.example/markets", "Shares rose on Friday as investors cheered results.", Monday)
            .Build("Outlet One"));
        _server.MapContent("/two.xml", new RssBuilder()
            .Item("China's top diplomat heads to Britain", "https://two.example/china-britain",
                "Wang Yi is set to arrive in the UK this week; he will visit London on 13 February, the Foreign Office said.", Monday.AddHours(1))
            .Build("Outlet Two"));
        _config = new TestConfigFolder(Path.Combine(_dir.Path, "config")).WriteSettings().WriteTopics()
            .WriteSources(("one", _server.Url("/one.xml")), ("two", _server.Url("/two.xml")));
        return Task.CompletedTask;
    }

    private Task<CliResult> Cli(params string[] args) => CliRun.InProcessAsync(_clock, [.. args, "--config", _config.Path, "--data", Data]);

    [Fact]
    public async Task Poll_ThenBrief_ShowsTheVisitOnceCitingBothOutletsInComingUp()
    {
        Assert.Equal(0, (await Cli("poll")).ExitCode);

        var result = await Cli("brief", "--no-poll", "--format", "json", "--since", "7d");

        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var upcoming = json.RootElement.GetProperty("upcoming").EnumerateArray().ToList();
        var visit = Assert.Single(upcoming, e => e.GetProperty("date").GetString() == "2025-02-13");
        Assert.Equal("day", visit.GetProperty("precision").GetString());
        Assert.Equal("London", visit.GetProperty("place").GetString());
        Assert.Contains(visit.GetProperty("participants").EnumerateArray(), p => p.GetString()!.Contains("Wang Yi"));
        Assert.Equal(2, visit.GetProperty("citations").GetArrayLength());
        var week = Assert.Single(upcoming, e => e.GetProperty("precision").GetString() == "week");
        Assert.Equal("2025-02-10", week.GetProperty("date").GetString());
        Assert.DoesNotContain(upcoming, e => e.GetProperty("title").GetString()!.Contains("Shares rose"));

        foreach (var format in new[] { "text", "markdown", "html" })
        {
            var rendered = await Cli("brief", "--no-poll", "--format", format, "--since", "7d");
            Assert.Contains("Coming up", rendered.Out);
            Assert.Contains("13 Feb 2025", rendered.Out);
        }
    }

    [Fact]
    public async Task Events_Json_ListsEachEventWithItsArticles()
    {
        await Cli("poll");

        var result = await Cli("events", "--format", "json");

        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var visit = Assert.Single(json.RootElement.EnumerateArray(), e => e.GetProperty("date").GetString() == "2025-02-13");
        var urls = visit.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("url").GetString()).ToHashSet();
        Assert.Equal(["https://one.example/wang-yi-london", "https://two.example/china-britain"], urls.Order());
        Assert.All(visit.GetProperty("articles").EnumerateArray(), a => Assert.False(string.IsNullOrEmpty(a.GetProperty("source").GetString())));
    }

    [Fact]
    public async Task Events_Ics_RoundTripsThroughAStrictReader()
    {
        await Cli("poll");

        var result = await Cli("events", "--format", "ics");

        Assert.True(result.ExitCode == 0, result.Error);
        var events = StrictICalendarReader.Read(result.Out);
        var visit = Assert.Single(events, e => e["DTSTART;VALUE=DATE"] == "20250213");
        Assert.Equal("20250214", visit["DTEND;VALUE=DATE"]);
        Assert.Equal("London", visit["LOCATION"]);
        Assert.Contains("Wang Yi", visit["SUMMARY"]);
        Assert.Contains("https://two.example/china-britain", visit["DESCRIPTION"]);
        var week = Assert.Single(events, e => e["DTSTART;VALUE=DATE"] == "20250210");
        Assert.Equal("20250217", week["DTEND;VALUE=DATE"]);
        Assert.StartsWith("[week of", week["SUMMARY"]);
    }

    [Fact]
    public async Task Events_Query_KeepsOnlyEventsWhoseArticlesMatch()
    {
        await Cli("poll");

        var none = await Cli("events", "--format", "json", "--query", "tiktok");
        var some = await Cli("events", "--format", "json", "--query", "\"wang yi\"");

        Assert.Equal(0, JsonDocument.Parse(none.Out).RootElement.GetArrayLength());
        Assert.True(JsonDocument.Parse(some.Out).RootElement.GetArrayLength() >= 1);
    }

    [Theory]
    [InlineData("--from", "13/02/2025")]
    [InlineData("--to", "yesterday")]
    public async Task Events_BadDate_IsAUsageErrorNamingTheOption(string option, string value)
    {
        var result = await Cli("events", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(option, result.Error);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _dir.Dispose();
    }
}
