using System.CommandLine;
using System.Text.Json;
using NewsBrief.Bot.Alerts;
using NewsBrief.Bot.Composition;
using NewsBrief.Core.Domain;
using NewsBrief.Bot.Rendering;
using NewsBrief.Scrapers.Refresh;
using NewsBrief.Core.Text;

namespace NewsBrief.Bot.Cli;

/// <summary>
/// <c>newsbrief poll [--source ID] [--format text|json] [--report FILE]</c>: one poll of every (or one) source, a table of
/// results, then the alerts the new articles trigger, delivered before it exits (JSON lines on standard output with --format json).
/// </summary>
public static class PollCommand
{
    public static Command Create(CommandContext context)
    {
        var source = new Option<string?>("--source") { Description = "Poll only the source with this id" };
        var format = FormatOption.Create("text", "json");
        var report = new Option<string?>("--report") { Description = "With --format json: write the per-source report (a JSON array) to this file, or '-' for standard error" };
        var command = new Command("poll", "Poll every source (or one) once, store new articles, and deliver the alerts they trigger") { source, format, report };
        command.SetAction((result, ct) => context.RunAsync(result.GetValue(CliApp.ConfigOption), result.GetValue(CliApp.DataOption), async (services, alerting) =>
        {
            var sources = Select(services.Sources.Current, result.GetValue(source));
            var reports = await PollAsync(context, services, sources, ct);
            var json = result.GetValue(format) == "json";
            // With JSON, standard output carries only the alert lines; the per-source table goes to standard error.
            if (!json) await context.Out.WriteAsync(PollTable.Render(reports));
            else await context.Error.WriteAsync(PollTable.Render(reports));
            if (json && result.GetValue(report) is { } file) await WriteReportAsync(context, file, JsonSerializer.Serialize(reports, JsonOutput.Options));
            await AlertDispatch.RunAsync(context, alerting, ct);
            // Done when any source answered; failed only when every source failed.
            return reports.Count > 0 && reports.All(r => r.Failed) ? ExitCodes.Failed : ExitCodes.Done;
        }, jsonConsole: result.GetValue(format) == "json"));
        return command;
    }

    private static async Task WriteReportAsync(CommandContext context, string file, string json)
    {
        if (file == "-") await context.Error.WriteLineAsync(json);
        else await File.WriteAllTextAsync(file, json);
    }

    public static IReadOnlyList<Source> Select(IReadOnlyList<Source> sources, string? id)
    {
        if (id is null) return sources;
        var match = sources.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase));
        return match is null
            ? throw new UsageException($"no source has the id '{id}'; see 'newsbrief sources list'")
            : [match];
    }

    /// <summary>Polls with one progress line per source on standard error.</summary>
    public static async Task<IReadOnlyList<PollReport>> PollAsync(CommandContext context, AppServices services, IReadOnlyList<Source> sources, CancellationToken ct)
    {
        await context.Error.WriteLineAsync($"polling {Counted.Of(sources.Count, "source")}...");
        var reports = await services.Refresh.PollAsync(sources, dueOnly: false, ct);
        foreach (var r in reports.Where(r => r.Failed))
            await context.Error.WriteLineAsync($"  {r.SourceId}: {r.Outcome}: {r.Error}");
        if (reports.Count > 0 && reports.All(r => r.Failed))
            await context.Error.WriteLineAsync("warning: every source failed (no network?); only articles stored before are used");
        return reports;
    }
}
