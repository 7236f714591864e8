using System.CommandLine;
using System.Text.Json;
using NewsBrief.Bot.Composition;
using NewsBrief.Core.Domain;
using NewsBrief.Bot.Rendering;
using NewsBrief.Scrapers.Refresh;

namespace NewsBrief.Bot.Cli;

/// <summary><c>newsbrief poll [--source ID] [--format text|json]</c>: one poll of every (or one) source, a table of results.</summary>
public static class PollCommand
{
    public static Command Create(CommandContext context)
    {
        var source = new Option<string?>("--source") { Description = "Poll only the source with this id" };
        var format = FormatOption.Create("text", "json");
        var command = new Command("poll", "Poll every source (or one) once and store new articles") { source, format };
        command.SetAction((result, ct) => context.RunAsync(result.GetValue(CliApp.ConfigOption), result.GetValue(CliApp.DataOption), async services =>
        {
            var sources = Select(services.Sources.Current, result.GetValue(source));
            var reports = await PollAsync(context, services, sources, ct);
            if (result.GetValue(format) == "json") await context.Out.WriteLineAsync(JsonSerializer.Serialize(reports, JsonOutput.Options));
            else await context.Out.WriteAsync(PollTable.Render(reports));
            // Done when any source answered; failed only when every source failed.
            return reports.Count > 0 && reports.All(r => r.Failed) ? ExitCodes.Failed : ExitCodes.Done;
        }));
        return command;
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
        await context.Error.WriteLineAsync($"polling {sources.Count} source(s)...");
        var reports = await services.Refresh.PollAsync(sources, dueOnly: false, ct);
        foreach (var r in reports.Where(r => r.Failed))
            await context.Error.WriteLineAsync($"  {r.SourceId}: {r.Outcome}: {r.Error}");
        if (reports.Count > 0 && reports.All(r => r.Failed))
            await context.Error.WriteLineAsync("warning: every source failed (no network?); only articles stored before are used");
        return reports;
    }
}
