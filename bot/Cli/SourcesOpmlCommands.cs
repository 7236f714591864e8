using System.CommandLine;
using NewsBrief.Bot.Sources;
using NewsBrief.Core.Configuration;
using NewsBrief.Core.Domain;
using NewsBrief.Core.Text;

namespace NewsBrief.Bot.Cli;

/// <summary>
/// <c>newsbrief sources export</c> (OPML 2.0 on standard output) and <c>newsbrief sources import FILE.opml</c>
/// (adds each feed not configured yet to sources.json; no network needed).
/// </summary>
public static class SourcesOpmlCommands
{
    public static Command Export(CommandContext context)
    {
        var command = new Command("export", "Print the sources as OPML 2.0 (for feed readers, or 'sources import')");
        command.SetAction((result, ct) => context.RunAsync(result.GetValue(CliApp.ConfigOption), result.GetValue(CliApp.DataOption), async services =>
        {
            await context.Out.WriteLineAsync(OpmlFile.Write(services.Sources.Current));
            return ExitCodes.Done;
        }));
        return command;
    }

    public static Command Import(CommandContext context)
    {
        var file = new Argument<string>("file") { Description = "An OPML file (e.g. exported by a feed reader)" };
        var command = new Command("import", "Add the feeds of an OPML file to sources.json (those already configured are skipped)") { file };
        command.SetAction((result, ct) => context.RunAsync(result.GetValue(CliApp.ConfigOption), result.GetValue(CliApp.DataOption), async services =>
        {
            var path = result.GetValue(file)!;
            if (!File.Exists(path)) throw new UsageException($"{path}: no such file");
            if (new FileInfo(path).Length > OpmlFile.MaxBytes) throw new UsageException($"{path}: larger than {OpmlFile.MaxBytes / 1024 / 1024} MB; not an OPML list of feeds");
            IReadOnlyList<OpmlFile.OpmlFeed> feeds;
            try { feeds = OpmlFile.Read(await File.ReadAllTextAsync(path, ct)); }
            catch (FormatException e) { throw new UsageException($"{path}: {e.Message}"); }
            int added = 0, skipped = 0;
            foreach (var feed in feeds)
            {
                var current = services.Sources.Current;
                if (current.Any(s => s.Url == feed.Url)) { skipped++; continue; }
                var id = feed.Id is { Length: > 0 } given && !current.Any(s => string.Equals(s.Id, given, StringComparison.OrdinalIgnoreCase))
                    ? given : SourceIds.From(feed.Url, current.Select(s => s.Id));
                var source = new Source
                {
                    Id = id,
                    Name = feed.Name,
                    Url = feed.Url,
                    Topics = feed.Topics,
                    PollInterval = feed.PollInterval is { } t && t >= SourceCatalog.MinimumPollInterval ? t : TimeSpan.FromMinutes(15),
                };
                try { SourceCatalogFile.Add(services.Sources.FilePath, source); }
                catch (ConfigurationException e) { throw new UsageException($"{path}: feed '{feed.Name}' cannot be added: {e.Reason} ({e.Key}); {added} added before it"); }
                services.Sources.Reload();
                added++;
            }
            await context.Out.WriteLineAsync($"imported {Counted.Of(added, "source")} from {path}; {skipped} already configured");
            return ExitCodes.Done;
        }));
        return command;
    }
}
