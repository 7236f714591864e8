using System.CommandLine;

namespace NewsBrief.Bot.Cli;

/// <summary>The <c>newsbrief</c> command line: global options, the commands, and exit codes 0/1/2.</summary>
public static class CliApp
{
    public static readonly Option<string?> ConfigOption = new("--config")
    {
        Description = "Configuration folder (appsettings.json, sources.json, topics.json). Default: config/ or NEWSBRIEF_CONFIG",
        Recursive = true,
    };

    public static readonly Option<string?> DataOption = new("--data")
    {
        Description = "Data folder holding newsbrief.db. Default: data/ or NEWSBRIEF_DATA",
        Recursive = true,
    };

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider time, CancellationToken cancellationToken, TextReader? stdin = null)
    {
        var context = new CommandContext(stdout, stderr, time, stdin);
        var root = new RootCommand("NewsBrief: news monitoring and cited briefs for policy teams. With no command, runs the service.");
        root.Options.Add(ConfigOption);
        root.Options.Add(DataOption);
        var run = RunCommand.Create(context);
        root.Subcommands.Add(run);
        root.Subcommands.Add(PollCommand.Create(context));
        root.Subcommands.Add(BriefCommand.Create(context));
        root.Subcommands.Add(StoriesCommand.Create(context));
        root.Subcommands.Add(SourcesCommand.Create(context));
        root.Subcommands.Add(ExtractCommand.Create(context));
        root.Subcommands.Add(FeedCommand.Create(context));
        root.Subcommands.Add(SummaryCommand.Create(context));
        root.Subcommands.Add(SubscribeCommand.Create(context));
        root.Subcommands.Add(SubscribeCommand.CreateUnsubscribe(context));
        root.Subcommands.Add(SubscriptionsCommand.Create(context));
        root.Subcommands.Add(ScheduleCommand.Create(context));
        root.Subcommands.Add(DeliveriesCommand.Create(context));
        root.Subcommands.Add(DoctorCommand.Create(context));
        root.Subcommands.Add(ServeCommand.Create(context));
        root.Subcommands.Add(EventsCommand.Create(context));
        root.Subcommands.Add(StoreCommand.Create(context));
        root.SetAction((result, ct) => RunCommand.ExecuteAsync(context, result, ct));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) await stderr.WriteLineAsync($"error: {error.Message}");
            await stderr.WriteLineAsync("Run 'newsbrief --help' for usage.");
            return ExitCodes.BadUsage;
        }
        var invocation = new InvocationConfiguration { Output = stdout, Error = stderr };
        return await parsed.InvokeAsync(invocation, cancellationToken);
    }
}
