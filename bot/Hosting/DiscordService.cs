using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsBrief.Bot.Chat;
using NewsBrief.Bot.Discord;

namespace NewsBrief.Bot.Hosting;

/// <summary>
/// Runs the Discord bot inside the service. A fatal refusal by Discord (bad token, disallowed intents)
/// stops the whole service with the reason and exit code 1 rather than retrying forever.
/// </summary>
public sealed class DiscordService(DiscordBot bot, IHostApplicationLifetime lifetime, ILogger<DiscordService> logger) : BackgroundService
{
    /// <summary>Set when Discord refused the bot for good.</summary>
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
            logger.LogCritical("Discord refused the bot: {Reason}", e.Message);
            lifetime.StopApplication();
        }
        catch (Exception e)
        {
            FatalError = e.Message;
            logger.LogCritical("the Discord connection failed: {Reason}", e.Message);
            lifetime.StopApplication();
        }
    }
}
