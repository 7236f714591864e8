using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsBrief.Bot.Alerts;
using NewsBrief.Bot.Chat;
using NewsBrief.Bot.Composition;
using NewsBrief.Bot.Deliveries;
using NewsBrief.Bot.Discord;
using NewsBrief.Bot.Hosting;
using NewsBrief.Core.Configuration;

namespace NewsBrief.Bot.Cli;

/// <summary>
/// <c>newsbrief run</c> (also no command): the service. Polls on schedule, sends alerts and scheduled
/// briefs (the daily console brief by default), and answers chat commands on Discord when
/// <c>Discord:Token</c> is set, else on the console.
/// </summary>
public static class RunCommand
{
    public static Command Create(CommandContext context)
    {
        var command = new Command("run", "Run the service: poll sources on schedule, send alerts and scheduled briefs, answer chat commands");
        command.SetAction((result, ct) => ExecuteAsync(context, result, ct));
        return command;
    }

    public static Task<int> ExecuteAsync(CommandContext context, ParseResult result, CancellationToken ct) =>
        context.RunAsync(result.GetValue(CliApp.ConfigOption), result.GetValue(CliApp.DataOption), async services =>
        {
            var discord = DiscordServiceCollectionExtensions.IsDiscordConfigured(services.Config.Root) ? DiscordSettings(services) : null;
            var handler = new ChatCommandHandler(services);
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
            builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            // The Discord sender reaches the bot's REST client once the host has built it.
            DiscordRestClient? discordRest = null;
            IDeliverySender[] senders = discord is null ? [] : [new DiscordChannelSender(() => discordRest)];
            using var alerting = new AlertServices(services, context.Out, jsonConsole: false, senders);
            new AlertChatCommands(services, alerting).RegisterWith(handler);
            builder.Services.AddSingleton(services);
            builder.Services.AddSingleton(alerting);
            builder.Services.AddSingleton(services.Time);
            builder.Services.AddSingleton(handler);
            builder.Services.AddHostedService<PollingService>();
            builder.Services.AddHostedService<AlertDeliveryService>();
            if (discord is not null)
            {
                builder.Services.AddDiscordBot(services.Config.Root, _ => handler.HandleAsync, _ => handler.Autocomplete);
            }
            else
            {
                builder.Services.AddSingleton(new ConsoleStreams(context.In, context.Out));
                builder.Services.AddHostedService<ConsoleChatService>();
            }
            using var host = builder.Build();
            if (discord is not null) discordRest = host.Services.GetRequiredService<DiscordBot>().Rest;
            // Resolved now: RunAsync disposes the host's services when it returns.
            var discordService = discord is null ? null : host.Services.GetRequiredService<DiscordBotService>();
            // The reading room shares the services; it starts before and stops after the host.
            await using var web = ServeCommand.CreateForRun(services, alerting);
            if (web is not null) await web.StartAsync(ct);
            await context.Error.WriteLineAsync($"newsbrief: running with {services.Sources.Current.Count} source(s); daily brief at {services.Config.Brief.DailyTime} {services.Config.Brief.TimeZone}; "
                + (discord is null ? "type /help for commands; " : "answering on Discord; ")
                + (web is null ? "" : $"reading room on {string.Join(", ", web.Urls)}; ") + "Ctrl+C stops");
            await host.RunAsync(ct);
            if (web is not null) await web.StopAsync(CancellationToken.None);
            if (discordService?.FatalError is { } fatal)
            {
                await context.Error.WriteLineAsync($"failed: Discord: {fatal}");
                return ExitCodes.Failed;
            }
            return ExitCodes.Done;
        });

    /// <summary>Binds and validates the Discord section before the host starts, so a bad value exits 2 naming the key.</summary>
    private static DiscordOptions DiscordSettings(AppServices services)
    {
        var options = AppConfiguration.Bind<DiscordOptions>(services.Config.Root, DiscordOptions.SectionName);
        var check = new DiscordOptionsValidator().Validate(null, options);
        if (check.Failed)
        {
            var first = check.Failures.First();
            throw new ConfigurationException(AppConfiguration.AppSettingsFile, first.Split(' ')[0], first);
        }
        return options;
    }
}
