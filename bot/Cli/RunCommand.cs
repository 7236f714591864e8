using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsBrief.Bot.Alerts;
using NewsBrief.Bot.Hosting;

namespace NewsBrief.Bot.Cli;

/// <summary><c>newsbrief run</c> (also no command): the service; polls on schedule, sends alerts and scheduled briefs (the daily console brief by default).</summary>
public static class RunCommand
{
    public static Command Create(CommandContext context)
    {
        var command = new Command("run", "Run the service: poll sources on schedule and post the daily brief");
        command.SetAction((result, ct) => ExecuteAsync(context, result, ct));
        return command;
    }

    public static Task<int> ExecuteAsync(CommandContext context, ParseResult result, CancellationToken ct) =>
        context.RunAsync(result.GetValue(CliApp.ConfigOption), result.GetValue(CliApp.DataOption), async services =>
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
            builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            using var alerting = new AlertServices(services, context.Out, jsonConsole: false);
            builder.Services.AddSingleton(services);
            builder.Services.AddSingleton(alerting);
            builder.Services.AddSingleton(services.Time);
            builder.Services.AddHostedService<PollingService>();
            builder.Services.AddHostedService<AlertDeliveryService>();
            using var host = builder.Build();
            await context.Error.WriteLineAsync($"newsbrief: running with {services.Config.Sources.Count} source(s); daily brief at {services.Config.Brief.DailyTime} {services.Config.Brief.TimeZone}; Ctrl+C stops");
            await host.RunAsync(ct);
            return ExitCodes.Done;
        });
}
