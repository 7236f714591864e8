using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsBrief.Core.Storage;

namespace NewsBrief.Discord;

/// <summary>
/// Hosts <see cref="DiscordBot"/> in the Generic Host. A fatal Discord refusal (bad token, intents) is logged with
/// its reason, kept in <see cref="FatalError"/> (the CLI turns it into exit code 1), and stops the application,
/// instead of escaping ExecuteAsync. With a <see cref="LeaderLease"/> (several workers on one store), only the worker
/// holding it runs the gateway session; the others wait to take over, and send through the REST client meanwhile.
/// </summary>
public sealed class DiscordBotService(DiscordBot bot, IHostApplicationLifetime lifetime, ILogger<DiscordBotService> logger, LeaderLease? leader = null) : BackgroundService
{
    /// <summary>Why Discord stopped for good, or null while it runs or after a normal stop.</summary>
    public string? FatalError { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (leader is null) await bot.RunAsync(stoppingToken);
            else await leader.RunAsync(bot.RunAsync, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (DiscordGatewayException e)
        {
            FatalError = e.Message;
            logger.LogCritical("Discord stopped: {Reason}", e.Message);
            lifetime.StopApplication();
        }
        catch (Exception e)
        {
            FatalError = bot.Rest.Redactor.Redact(e.Message);
            logger.LogCritical("Discord stopped unexpectedly: {Reason}", FatalError);
            lifetime.StopApplication();
        }
    }
}
