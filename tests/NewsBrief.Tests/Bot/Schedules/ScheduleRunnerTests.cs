using Microsoft.Extensions.DependencyInjection;
using System.Text.Json;
using NewsBrief.Bot.Alerts;
using NewsBrief.Bot.Composition;
using NewsBrief.Core.Domain;
using NewsBrief.Tests.Bot.Alerts;
using NewsBrief.Tests.Support;
using NewsBrief.Bot.Configuration;

namespace NewsBrief.Tests.Bot.Schedules;

/// <summary>Scheduled briefs over a real SQLite file and a fake clock: due, caught up, skipped, never twice.</summary>
public sealed class ScheduleRunnerTests
{
    private static BriefSchedule Daily(string destination, string cron = "0 8 * * *", string zone = "UTC", params string[] topics) => new()
    {
        Destination = destination, Cron = cron, TimeZone = zone, Topics = topics, Created = AlertFixture.Start,
    };

    [Fact]
    public async Task RunDue_AtTheOccurrence_QueuesOneBriefThatARestartDoesNotRepeat()
    {
        await using var f = new AlertFixture();
        f.SetFeed("wire", new RssBuilder().Item("Ministers meet at summit", "https://wire.example/summit", "Foreign ministers met.", AlertFixture.Start));
        await f.PollAsync();
        f.Alerting.Schedules.Set(Daily("console"));
        f.Clock.Advance(TimeSpan.FromHours(23).Add(TimeSpan.FromSeconds(30))); // 08:00:30 the next day

        var first = await f.Alerting.ScheduleRunner.RunDueAsync(CancellationToken.None);
        var again = await f.Alerting.ScheduleRunner.RunDueAsync(CancellationToken.None);
        using var restarted = NewsBriefHost.Build(AppConfiguration.Load(f.Config.Path, f.DataPath), f.Clock, new ConsoleOutput(new StringWriter(), Json: true));
        var restartedAlerting = restarted.Services.GetRequiredService<AlertServices>();
        var afterRestart = await restartedAlerting.ScheduleRunner.RunDueAsync(CancellationToken.None);
        await f.Alerting.Dispatcher.SendDueAsync(CancellationToken.None);

        var run = Assert.Single(first);
        Assert.Equal((false, new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero)), (run.Skipped, run.Occurrence!.Value));
        Assert.Empty(again);
        Assert.Empty(afterRestart);
        var brief = Assert.Single(f.Alerting.Deliveries.List(), d => d.Kind == "brief");
        Assert.Equal(DeliveryStatus.Sent, brief.Status);
        using var json = JsonDocument.Parse(Assert.Single(f.ConsoleLines));
        Assert.Equal("https://wire.example/summit", json.RootElement.GetProperty("stories")[0].GetProperty("articles")[0].GetProperty("url").GetString());
    }

    [Fact]
    public async Task RunDue_AfterDowntimeWithinTheCatchUpWindow_SendsTheMissedBriefOnce()
    {
        await using var f = new AlertFixture();
        f.Alerting.Schedules.Set(Daily("console"));
        f.Clock.Advance(TimeSpan.FromHours(27)); // down until 12:00 the next day; 08:00 was missed by 4 h

        var runs = await f.Alerting.ScheduleRunner.RunDueAsync(CancellationToken.None);

        Assert.False(Assert.Single(runs).Skipped);
        Assert.Single(f.Alerting.Deliveries.List());
    }

    [Fact]
    public async Task RunDue_AfterDowntimeBeyondTheCatchUpWindow_SkipsAndWaitsForTheNextOccurrence()
    {
        await using var f = new AlertFixture();
        f.Alerting.Schedules.Set(Daily("console"));
        f.Clock.Advance(TimeSpan.FromHours(32)); // 17:00 the next day: 9 h late

        var late = await f.Alerting.ScheduleRunner.RunDueAsync(CancellationToken.None);
        f.Clock.Advance(TimeSpan.FromHours(15)); // 08:00 the day after
        var next = await f.Alerting.ScheduleRunner.RunDueAsync(CancellationToken.None);

        Assert.True(Assert.Single(late).Skipped);
        Assert.False(Assert.Single(next).Skipped);
        Assert.Single(f.Alerting.Deliveries.List());
    }

    [Fact]
    public async Task RunDue_ForASchedulePerDestination_QueuesEachToItsOwnDestination()
    {
        await using var f = new AlertFixture();
        f.Alerting.Schedules.Set(Daily("console"));
        f.Alerting.Schedules.Set(Daily("discord:channel:42", topics: "TikTok bans"));
        f.Clock.Advance(TimeSpan.FromHours(23));

        await f.Alerting.ScheduleRunner.RunDueAsync(CancellationToken.None);

        Assert.Equal(["console", "discord:channel:42"], f.Alerting.Deliveries.List().Select(d => d.Destination).Order());
    }

    [Fact]
    public async Task EnsureDefault_MakesTheConfiguredDailyBriefTheConsoleScheduleUnlessAUserSetOne()
    {
        await using var f = new AlertFixture();

        var byConfig = f.Alerting.ScheduleRunner.EnsureDefault();
        f.Alerting.Schedules.Set(Daily("console", "30 7 * * 1-5", "Europe/London"));
        var kept = f.Alerting.ScheduleRunner.EnsureDefault();

        Assert.Equal(("0 8 * * *", "config"), (byConfig.Cron, byConfig.Origin));
        Assert.Equal(("30 7 * * 1-5", "Europe/London", "user"), (kept.Cron, kept.TimeZone, kept.Origin));
        Assert.Single(f.Alerting.Schedules.List());
    }
}
