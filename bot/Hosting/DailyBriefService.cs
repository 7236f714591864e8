using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsBrief.Bot.Briefing;
using NewsBrief.Bot.Composition;
using NewsBrief.Bot.Rendering;

namespace NewsBrief.Bot.Hosting;

/// <summary>Posts the daily brief to the console at <see cref="BriefOptions.DailyTime"/> in <see cref="BriefOptions.TimeZone"/>.</summary>
public sealed class DailyBriefService(AppServices services, TextWriter output, ILogger<DailyBriefService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var brief = services.Config.Brief;
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = services.Time.GetUtcNow();
            var due = DailySchedule.Next(now, brief.DailyTime, services.Config.BriefTimeZone);
            logger.LogInformation("next daily brief at {Due:u}", due);
            try
            {
                await Task.Delay(due - now, services.Time, stoppingToken);
                var composed = await services.BriefService.CreateAsync(brief.DefaultWindow, BriefScope.All, newOnly: true, stoppingToken);
                await output.WriteLineAsync(BriefTextRenderer.Render(composed, services.BriefService.SourceName));
                await output.FlushAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "the daily brief failed; trying again at the next occurrence");
            }
        }
    }
}
