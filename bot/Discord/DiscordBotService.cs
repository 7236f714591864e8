using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace NewsBrief.Bot.Discord;

/// <summary>
/// Hosts <see cref="DiscordBot"/> in the Generic Host. A fatal Discord refusal (bad token, intents) is logged with
/// its reason, kept in <see cref="FatalError"/> (the CLI turns it into exit code 1), and stops the application,
/// instead of escaping ExecuteAsync.
/// </summary>
public sealed class DiscordBotService(DiscordBot bot, IHostApplicationLifetime lifetime, ILogger<DiscordBotService> logger) : BackgroundService
{
    /// <summary>Why Discord stopped for good, or null while it runs or after a normal stop.</summary>
    public string? FatalError { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await bot.RunAsync(stoppingToken);
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
