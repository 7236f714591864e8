using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsBrief.Bot.Alerts;
using NewsBrief.Bot.Composition;
using NewsBrief.Bot.Configuration;
using NewsBrief.Core.Text;

namespace NewsBrief.Bot.Hosting;

/// <summary>Polls the sources that are due, every <see cref="ServiceOptions.PollTick"/>. A failing cycle is logged; the next one runs.</summary>
public sealed class PollingService(AppServices services, AlertServices alerting, ILogger<PollingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(services.Service.PollTick, services.Time);
        do
        {
            try
            {
                var reports = await services.Refresh.PollAsync(services.Sources.Current, dueOnly: true, stoppingToken);
                alerting.SourceNotices.Queue(reports, services.Time.GetUtcNow());
                if (reports.Count > 0)
                    logger.LogInformation("polled {Sources}: {New}", Counted.Of(reports.Count, "source"), Counted.Of(reports.Sum(r => r.Inserted), "new article"));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // An exception escaping ExecuteAsync would stop the whole host.
                logger.LogError(e, "poll cycle failed");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try { return await timer.WaitForNextTickAsync(ct); }
        catch (OperationCanceledException) { return false; }
    }
}
