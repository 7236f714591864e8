using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using NewsBrief.Bot.Alerts;
using NewsBrief.Bot.Composition;
using NewsBrief.Bot.Configuration;
using NewsBrief.Bot.Web;

namespace NewsBrief.Bot.Cli;

/// <summary><c>newsbrief serve [--urls URL]</c>: the reading room alone (no polling), until Ctrl+C.</summary>
public static class ServeCommand
{
    public static Command Create(CommandContext context)
    {
        var urls = new Option<string?>("--urls") { Description = $"Addresses to listen on, ';'-separated (default: Web:Urls, {WebOptions.DefaultUrls})" };
        var command = new Command("serve", "Serve the reading room on the web: briefs, search, sources, subscriptions, feeds, JSON API") { urls };
        command.SetAction((result, ct) => context.RunAsync(result.GetValue(CliApp.ConfigOption), result.GetValue(CliApp.DataOption), async (services, alerting) =>
        {
            var options = WebSettings.Effective(services.Web, services.WebValidator, result.GetValue(urls));
            if (options.Urls.Length == 0) throw new UsageException("no address to listen on: give --urls or set Web:Urls");
            await using var app = ReadingRoom.Create(services, alerting, options);
            await app.StartAsync(ct);
            await context.Error.WriteLineAsync($"newsbrief: reading room on {string.Join(", ", app.Urls)}; Ctrl+C stops");
            try { await Task.Delay(Timeout.Infinite, ct); }
            catch (OperationCanceledException) { }
            await app.StopAsync(CancellationToken.None);
            return ExitCodes.Done;
        }));
        return command;
    }

    /// <summary>For <c>run</c>: the reading room when <c>Web:Urls</c> is set (the default), else null; started by the caller.</summary>
    public static WebApplication? CreateForRun(AppServices services, AlertServices alerting)
    {
        var options = WebSettings.Effective(services.Web, services.WebValidator);
        return options.Urls.Length == 0 ? null : ReadingRoom.Create(services, alerting, options);
    }
}
