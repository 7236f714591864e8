using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsBrief.Bot.Composition;
using NewsBrief.Discord;
using NewsBrief.Bot.Hosting;
using NewsBrief.Core.Storage;
using NewsBrief.Bot.Configuration;
using NewsBrief.Core.Text;

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

    public static async Task<int> ExecuteAsync(CommandContext context, ParseResult result, CancellationToken ct)
    {
        DataFolderLock? instance = null;
        try { return await RunAsync(context, result, lockTaken => instance = lockTaken, ct); }
        finally { instance?.Dispose(); }
    }

    private static Task<int> RunAsync(CommandContext context, ParseResult result, Action<DataFolderLock> keep, CancellationToken ct) =>
        context.RunHostAsync(result.GetValue(CliApp.ConfigOption), result.GetValue(CliApp.DataOption), jsonConsole: false, service: true,
            (builder, config) =>
            {
                builder.Services.AddNewsBriefService(config.Root, new ConsoleStreams(context.In, context.Out));
                // Under systemd (Type=notify): readiness and stopping reported, logs in the journal's format; a no-op elsewhere.
                builder.Services.AddSystemd();
            },
            async host =>
            {
                // One service per SQLite data folder: a second 'run' exits 2 before it touches the store (the store opens
                // when AppServices is first resolved, below). PostgreSQL workers share their store through leases instead.
                if (host.Services.GetRequiredService<StorageOptions>().Provider == StorageProvider.Sqlite)
                {
                    var config = host.Services.GetRequiredService<AppConfiguration>();
                    keep(DataFolderLock.Acquire(config.DataDirectory, $"pid {Environment.ProcessId} on {Environment.MachineName}, started {context.Time.GetUtcNow():u}"));
                }
                var services = host.Services.GetRequiredService<AppServices>();
                // Resolved now: RunAsync disposes the host's services when it returns.
                var discordService = host.Services.GetService<DiscordBotService>();
                // The reading room shares the host's services; it starts before and stops after the host.
                await using var web = ServeCommand.CreateForRun(services, host.Services.GetRequiredService<AlertServices>());
                if (web is not null) await web.StartAsync(ct);
                await context.Error.WriteLineAsync($"newsbrief: running with {Counted.Of(services.Sources.Current.Count, "source")}; daily brief at {services.Brief.DailyTime} {services.Brief.TimeZone}; "
                    + (discordService is null ? "type /help for commands; " : "answering on Discord; ")
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
}
