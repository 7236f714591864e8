using System.CommandLine;
using NewsBrief.Bot.Briefing;
using NewsBrief.Bot.Rendering;

namespace NewsBrief.Bot.Cli;

/// <summary>
/// <c>newsbrief brief [--since 24h] [--topic NAME | --query Q] [--format text|markdown|html|json] [--no-poll] [--new-only]</c>:
/// polls (unless --no-poll), then prints a brief of the window.
/// </summary>
public static class BriefCommand
{
    public static Command Create(CommandContext context)
    {
        var since = new Option<string?>("--since") { Description = "Window of the brief: 90m, 24h, 7d, 2w (default: Brief:DefaultWindow, 24h)" };
        var topic = new Option<string?>("--topic") { Description = "Only this configured topic (see topics.json)" };
        var query = new Option<string?>("--query") { Description = "Only articles matching this query, e.g. \"tiktok AND ban*\"" };
        var format = FormatOption.Create("text", "markdown", "html", "json");
        var noPoll = new Option<bool>("--no-poll") { Description = "Brief what is stored; do not poll first" };
        var newOnly = new Option<bool>("--new-only") { Description = "Leave out what earlier briefs of the same scope covered; show updates only" };
        var command = new Command("brief", "Poll, then print a brief of the recent stories") { since, topic, query, format, noPoll, newOnly };
        command.Validators.Add(r =>
        {
            if (r.GetValue(topic) is not null && r.GetValue(query) is not null) r.AddError("give --topic or --query, not both");
        });
        command.SetAction((result, ct) => context.RunAsync(result.GetValue(CliApp.ConfigOption), result.GetValue(CliApp.DataOption), async services =>
        {
            var window = services.Config.Brief.DefaultWindow;
            if (result.GetValue(since) is { } text && !DurationParser.TryParse(text, out window, out var error))
                throw new UsageException($"--since: {error}");
            var scope = new BriefScope(result.GetValue(topic), result.GetValue(query));
            if (!result.GetValue(noPoll)) await PollCommand.PollAsync(context, services, services.Sources.Current, ct);
            var brief = await services.BriefService.CreateAsync(window, scope, result.GetValue(newOnly), ct);
            var name = services.BriefService.SourceName;
            await context.Out.WriteLineAsync(result.GetValue(format) switch
            {
                "json" => BriefJsonRenderer.Render(brief, name),
                "markdown" => BriefMarkdownRenderer.Render(brief, name),
                "html" => BriefHtmlRenderer.Render(brief, name),
                _ => BriefTextRenderer.Render(brief, name),
            });
            return ExitCodes.Done;
        }));
        return command;
    }
}
