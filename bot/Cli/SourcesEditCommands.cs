using System.CommandLine;
using System.Text.Json;
using NewsBrief.Bot.Sources;
using NewsBrief.Core.Configuration;
using NewsBrief.Core.Domain;

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
        var topics = new Option<string[]>("--topic") { Description = "Topic word of the source (repeatable)", AllowMultipleArgumentsPerToken = false };
        var format = FormatOption.Create("text", "json");
        var command = new Command("add", "Find the feed of a site (or take a feed URL) and add it to sources.json") { url, id, name, topics, format };
        command.SetAction((result, ct) => context.RunAsync(result.GetValue(CliApp.ConfigOption), result.GetValue(CliApp.DataOption), async services =>
        {
            var text = result.GetValue(url)!;
            if (!Uri.TryCreate(text, UriKind.Absolute, out var target) || target.Scheme is not ("http" or "https"))
                throw new UsageException($"'{text}' is not an absolute http(s) URL");
            var (found, error) = await new FeedFinder(services.Fetcher).FindAsync(target, ct);
            if (found is null)
            {
                await context.Error.WriteLineAsync($"error: {error}");
                return ExitCodes.Failed;
            }
            var existing = services.Config.Sources;
            if (existing.FirstOrDefault(s => s.Url == found.Url) is { } same)
                throw new UsageException($"{found.Url} is already configured as '{same.Id}'");
            var source = new Source
            {
                Id = result.GetValue(id) ?? SourceIds.From(found.Url, existing.Select(s => s.Id)),
                Name = result.GetValue(name) ?? (string.IsNullOrWhiteSpace(found.Title) ? found.Url.Host : found.Title.Trim()),
                Url = found.Url,
                Topics = result.GetValue(topics) ?? [],
            };
            try
            {
                SourceCatalogFile.Add(Path.Combine(services.Config.ConfigDirectory, SourceCatalog.FileName), source);
            }
            catch (ConfigurationException e)
            {
                throw new UsageException($"the source cannot be added: {e.Reason} ({e.Key})");
            }
            await context.Out.WriteLineAsync(result.GetValue(format) == "json"
                ? JsonSerializer.Serialize(new { id = source.Id, name = source.Name, url = source.Url.AbsoluteUri, items = found.Items }, JsonOutput.Compact)
                : $"added '{source.Id}' ({source.Name}): {source.Url.AbsoluteUri}, {found.Items} item(s) now");
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
            var which = result.GetValue(id)!;
            if (!SourceCatalogFile.Remove(Path.Combine(services.Config.ConfigDirectory, SourceCatalog.FileName), which))
                throw new UsageException($"no source has the id '{which}'; see 'newsbrief sources list'");
            await context.Out.WriteLineAsync($"removed '{which}'");
            return ExitCodes.Done;
        }));
        return command;
    }
}
