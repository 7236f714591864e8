using System.CommandLine;
using NewsBrief.Bot.Composition;
using NewsBrief.Core.Text;
using Microsoft.Extensions.DependencyInjection;

namespace NewsBrief.Bot.Cli;

/// <summary>
/// <c>newsbrief doctor [--sources] [--send-test]</c>: checks the configuration, the store, the model and
/// the Discord token (and on request each source and destination), naming the setting to fix; exit 0 when all pass, else 1.
/// </summary>
public static class DoctorCommand
{
    public static Command Create(CommandContext context)
    {
        var sources = new Option<bool>("--sources") { Description = "Also fetch every source once" };
        var sendTest = new Option<bool>("--send-test") { Description = "Also send a test message to every destination a schedule or subscription uses" };
        var command = new Command("doctor", "Check the configuration, store, model, Discord token, sources and destinations") { sources, sendTest };
        command.SetAction((result, ct) => context.RunHostAsync(result.GetValue(CliApp.ConfigOption), result.GetValue(CliApp.DataOption), jsonConsole: false, service: false, configure: null, async host =>
        {
            await host.StartAsync(ct);
            var sp = host.Services;
            var doctor = new NewsBrief.Bot.Doctor.Doctor(sp.GetRequiredService<AppServices>(), sp.GetRequiredService<AlertServices>(),
                NewsBrief.Discord.DiscordServiceCollectionExtensions.IsDiscordConfigured(sp.GetRequiredService<AppServices>().Config.Root) ? sp.GetRequiredService<NewsBrief.Discord.DiscordOptions>() : null);
            var checks = await doctor.RunAsync(result.GetValue(sources), result.GetValue(sendTest), ct);
            foreach (var check in checks) await context.Out.WriteLineAsync(check.ToString());
            await host.StopAsync(ct);
            var failed = checks.Count(c => !c.Ok);
            await context.Out.WriteLineAsync(failed == 0 ? "all checks passed" : $"{Counted.Of(failed, "check")} failed");
            return failed == 0 ? ExitCodes.Done : ExitCodes.Failed;
        }));
        return command;
    }
}
