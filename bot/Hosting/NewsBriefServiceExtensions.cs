using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsBrief.Bot.ChatCommands;
using NewsBrief.Bot.Composition;
using NewsBrief.Bot.Deliveries;
using NewsBrief.Discord;
using NewsBrief.Core.Storage;
using Microsoft.Extensions.Logging;

namespace NewsBrief.Bot.Hosting;

/// <summary>
/// What <c>run</c> adds to <see cref="NewsBriefServiceCollectionExtensions.AddNewsBrief"/>: the chat
/// command handler, polling and delivery services, and Discord when <c>Discord:Token</c> is set, else
/// the console chat.
/// </summary>
public static class NewsBriefServiceExtensions
{
    /// <summary>How long the Discord gateway leader's lease lasts unrenewed: a dead leader is replaced within this time.</summary>
    public static readonly TimeSpan GatewayLeaderLease = TimeSpan.FromSeconds(30);

    public static IServiceCollection AddNewsBriefService(this IServiceCollection services, IConfiguration configuration, ConsoleStreams console)
    {
        services.AddSingleton(sp =>
        {
            var handler = new ChatCommandHandler(sp.GetRequiredService<AppServices>());
            new AlertChatCommands(sp.GetRequiredService<AppServices>(), sp.GetRequiredService<AlertServices>()).RegisterWith(handler);
            return handler;
        });
        services.AddHostedService<PollingService>();
        services.AddHostedService<AlertDeliveryService>();
        if (DiscordServiceCollectionExtensions.IsDiscordConfigured(configuration))
        {
            // Several workers may share the store: one of them holds the gateway session, any of them sends.
            services.AddSingleton(sp => new LeaderLease(sp.GetRequiredService<WorkerLeases>(), WorkerLeases.DiscordGateway, GatewayLeaderLease,
                sp.GetRequiredService<TimeProvider>())
            {
                Changed = (leading, why) => sp.GetRequiredService<ILogger<LeaderLease>>().LogInformation("Discord gateway: this worker {Why}", why),
            });
            services.AddDiscordBot(configuration, sp => sp.GetRequiredService<ChatCommandHandler>().HandleAsync, sp => sp.GetRequiredService<ChatCommandHandler>().Autocomplete);
            // Alerts and briefs for Discord channels and DMs go through the bot's REST client.
            services.AddSingleton<IDeliverySender>(sp => new DiscordChannelSender(() => sp.GetRequiredService<DiscordBot>().Rest));
        }
        else
        {
            services.AddSingleton(console);
            services.AddHostedService<ConsoleChatService>();
        }
        return services;
    }
}
