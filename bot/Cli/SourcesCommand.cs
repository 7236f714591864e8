using System.CommandLine;
using System.Text.Json;
using NewsBrief.Bot.Composition;
using NewsBrief.Bot.Rendering;

namespace NewsBrief.Bot.Cli;

/// <summary><c>newsbrief sources list|check|add|remove</c>: the configured sources, their health, and changing them.</summary>
public static class SourcesCommand
{
    public static Command Create(CommandContext context)
    {
        var command = new Command("sources", "The configured sources and their health");
        command.Subcommands.Add(List(context, "list", "List the sources with their health, last poll and last error", poll: false));
        command.Subcommands.Add(List(context, "check", "Poll every source now, then list their health", poll: true));
        command.Subcommands.Add(SourcesEditCommands.Add(context));
        command.Subcommands.Add(SourcesEditCommands.Remove(context));
        command.Subcommands.Add(SourcesOpmlCommands.Import(context));
        command.Subcommands.Add(SourcesOpmlCommands.Export(context));
        return command;
    }

    private static Command List(CommandContext context, string name, string description, bool poll)
    {
        var format = FormatOption.Create("text", "json");
        var command = new Command(name, description) { format };
        command.SetAction((result, ct) => context.RunAsync(result.GetValue(CliApp.ConfigOption), result.GetValue(CliApp.DataOption), async services =>
        {
            if (poll) await PollCommand.PollAsync(context, services, services.Sources.Current, ct);
            var rows = Rows(services);
            await context.Out.WriteLineAsync(result.GetValue(format) == "json"
                ? JsonSerializer.Serialize(rows, JsonOutput.Options)
                : SourcesTable.Render(rows));
            return ExitCodes.Done;
        }));
        return command;
    }

    public static IReadOnlyList<SourceRow> Rows(AppServices services) => SourceRow.List(services.Sources.Current, services.SourceStates.GetAll());
}
