using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsBrief.Bot.Alerts;
using NewsBrief.Bot.Composition;
using NewsBrief.Core.Text;

namespace NewsBrief.Bot.Hosting;

/// <summary>
/// Every <c>Schedules:Tick</c>: queues the briefs that are due, scans new articles for alerts, and sends the
/// outbox. Starts by sending what a previous run left unsent. A failing step is logged; the next tick runs.
/// </summary>
public sealed class AlertDeliveryService(AlertServices alerting, TimeProvider time, ILogger<AlertDeliveryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var console = alerting.ScheduleRunner.EnsureDefault(alerting.DefaultBriefDestination);
        logger.LogInformation("console brief schedule: \"{Cron}\" {Zone} ({Origin})", console.Cron, console.TimeZone, console.Origin);
        using var timer = new PeriodicTimer(alerting.ScheduleOptions.Tick, time);
        do
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // An exception escaping ExecuteAsync would stop the whole host.
                logger.LogError(e, "alert and schedule cycle failed");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private async Task TickAsync(CancellationToken ct)
    {
        foreach (var run in await alerting.ScheduleRunner.RunDueAsync(ct))
        {
            if (run.Error is not null) logger.LogError("schedule {Id} failed: {Error}", run.Schedule.Id, run.Error);
            else if (run.Skipped) logger.LogWarning("schedule {Id}: the brief due at {Due:u} was missed by more than the catch-up window; skipped", run.Schedule.Id, run.Occurrence);
            else logger.LogInformation("schedule {Id}: brief due at {Due:u} queued", run.Schedule.Id, run.Occurrence);
        }
        // Each failed delivery attempt is logged once, by the dispatcher, inside the delivery's scope.
        var (scan, _) = await alerting.ScanAndSendAsync(ct);
        if (scan.Alerts + scan.Digests > 0)
            logger.LogInformation("{Alerts} and {Digests} queued", Counted.Of(scan.Alerts, "alert"), Counted.Of(scan.Digests, "digest"));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try { return await timer.WaitForNextTickAsync(ct); }
        catch (OperationCanceledException) { return false; }
    }
}
