using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NewsBrief.Bot.Alerts;
using NewsBrief.Bot.Hosting;
using NewsBrief.Tests.Bot.Alerts;
using NewsBrief.Tests.Support;
using NewsBrief.Bot.Composition;

namespace NewsBrief.Tests.Bot.Hosting;

public sealed class AlertDeliveryServiceTests
{
    /// <summary>A writer that completes a task when a line containing the awaited text is written.</summary>
    private sealed class AwaitingWriter(string awaited) : StringWriter
    {
        private readonly TaskCompletionSource _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Seen => _seen.Task;

        public override Task WriteLineAsync(string? value)
        {
            base.WriteLine(value);
            if (value?.Contains(awaited, StringComparison.Ordinal) == true) _seen.TrySetResult();
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Start_WithAlertsLeftUnsentByTheLastRun_SendsThemAndRecordsTheDefaultConsoleSchedule()
    {
        await using var f = new AlertFixture();
        f.Subscribe("tiktok");
        f.SetFeed("wire", new RssBuilder().Item("TikTok fined in Ireland", "https://wire.example/1", "TikTok was fined.", f.Clock.GetUtcNow()));
        await f.PollAsync();
        f.Alerting.Scanner.Scan(); // queued, not sent: as if the last run stopped here
        var console = new AwaitingWriter("https://wire.example/1");
        using var host = NewsBriefHost.Build(f.Services.Config, f.Clock, new ConsoleOutput(console, Json: false));
        var alerting = host.Services.GetRequiredService<AlertServices>();
        using var service = new AlertDeliveryService(alerting, f.Clock, NullLogger<AlertDeliveryService>.Instance);

        await service.StartAsync(CancellationToken.None);
        await console.Seen.WaitAsync(TimeSpan.FromSeconds(20));
        await service.StopAsync(CancellationToken.None);

        Assert.Contains("Alert #1 \"tiktok\": TikTok fined in Ireland", console.ToString());
        var schedule = Assert.Single(alerting.Schedules.List());
        Assert.Equal(("console", "0 8 * * *", "config"), (schedule.Destination, schedule.Cron, schedule.Origin));
    }
}
