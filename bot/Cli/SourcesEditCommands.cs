using System.CommandLine;
using System.Text.Json;
using NewsBrief.Bot.Sources;
using NewsBrief.Bot.Rendering;

namespace NewsBrief.Bot.Cli;

/// <summary>
/// <c>newsbrief sources add &lt;site or feed url&gt; [--id] [--name] [--topic]...</c> finds the feed (autodiscovery on a
/// site's page) and writes it to sources.json; <c>newsbrief sources remove &lt;id&gt;</c> takes one out.
/// </summary>
public static class SourcesEditCommands
{
    public static Command Add(CommandContext context)
    {
        var url = new Argument<string>("url") { Description = "A feed URL, or a site whose page links its feed" };
        var id = new Option<string?>("--id") { Description = "Id of the new source (default: made from the feed URL)" };
        var name = new Option<string?>("--name") { Description = "Name of the new source (default: the feed's title)" };
        var topics = new Option<string[]>("--topic") { Description = "Topic word of the source (repeatable)" };
        var format = FormatOption.Create("text", "json");
        var command = new Command("add", "Find the feed of a site (or take a feed URL) and add it to sources.json") { url, id, name, topics, format };
        command.SetAction((result, ct) => context.RunAsync(result.GetValue(CliApp.ConfigOption), result.GetValue(CliApp.DataOption), async services =>
        {
            var edit = await new SourceEditor(services.Sources, services.Fetcher)
                .AddAsync(result.GetValue(url)!, result.GetValue(id), result.GetValue(name), result.GetValue(topics) ?? [], ct);
            if (!edit.Ok)
            {
                if (edit.BadInput) throw new UsageException(edit.Message);
                await context.Error.WriteLineAsync($"error: {edit.Message}");
                return ExitCodes.Failed;
            }
            var s = edit.Source!;
            await context.Out.WriteLineAsync(result.GetValue(format) == "json"
                ? JsonSerializer.Serialize(new { id = s.Id, name = s.Name, url = s.Url.AbsoluteUri, items = edit.Items }, JsonOutput.Compact)
                : edit.Message);
            return ExitCodes.Done;
        }));
        return command;
    }

    public static Command Remove(CommandContext context)
    {
        var id = new Argument<string>("id") { Description = "Id of the source to remove" };
        var command = new Command("remove", "Remove a source from sources.json (its stored articles stay)") { id };
        command.SetAction((result, ct) => context.RunAsync(result.GetValue(CliApp.ConfigOption), result.GetValue(CliApp.DataOption), async services =>
        {
            var edit = new SourceEditor(services.Sources, services.Fetcher).Remove(result.GetValue(id)!);
            if (!edit.Ok) throw new UsageException(edit.Message + "; see 'newsbrief sources list'");
            await context.Out.WriteLineAsync(edit.Message);
            return ExitCodes.Done;
        }));
        return command;
    }
}
