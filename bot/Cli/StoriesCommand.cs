using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using NewsBrief.Bot.Briefing;
using NewsBrief.Bot.Composition;
using NewsBrief.Bot.Rendering;
using NewsBrief.Core.Domain;
using NewsBrief.Core.Text;

namespace NewsBrief.Bot.Cli;

/// <summary>
/// <c>newsbrief stories [--since 24h] [--topic NAME | --query Q] [--format text|json]</c> lists the stored stories of
/// the window (a query keeps each story's matching articles); <c>newsbrief stories show ID</c> prints one story's
/// timeline and why it is filed under its topics. Reads what is stored; polls nothing.
/// </summary>
public static class StoriesCommand
{
    public static Command Create(CommandContext context)
    {
        var since = new Option<string?>("--since") { Description = "Window: 90m, 24h, 7d, 2w (default: Brief:DefaultWindow, 24h)" };
        var topic = new Option<string?>("--topic") { Description = "Only stories filed under this configured topic" };
        var query = new Option<string?>("--query") { Description = "Only articles matching this query; each story keeps its matching articles" };
        var format = FormatOption.Create("text", "json");
        var command = new Command("stories", "List the stored stories of a window") { since, topic, query, format };
        command.Validators.Add(r =>
        {
            if (r.GetValue(topic) is not null && r.GetValue(query) is not null) r.AddError("give --topic or --query, not both");
        });
        command.SetAction((result, ct) => context.RunAsync(result.GetValue(CliApp.ConfigOption), result.GetValue(CliApp.DataOption), async services =>
        {
            var window = services.Brief.DefaultWindow;
            if (result.GetValue(since) is { } text && !DurationParser.TryParse(text, out window, out var error))
                throw new UsageException($"--since: {error}");
            var now = services.Time.GetUtcNow();
            IReadOnlyList<Story> stories;
            try { stories = services.BriefService.Select(new BriefScope(result.GetValue(topic), result.GetValue(query)), now - window, now); }
            catch (BriefScopeException e) { throw new UsageException(e.Message); }
            var name = services.BriefService.SourceName;
            await context.Out.WriteLineAsync(result.GetValue(format) == "json"
                ? JsonSerializer.Serialize(stories.Select(s => StoryJson.From(s, name)).ToList(), JsonOutput.Options)
                : RenderList(stories, name));
            return ExitCodes.Done;
        }));
        command.Subcommands.Add(Show(context));
        return command;
    }

    private static Command Show(CommandContext context)
    {
        var id = new Argument<long>("id") { Description = "The story's id (an id merged into another story gives that story)" };
        var format = FormatOption.Create("text", "json");
        var command = new Command("show", "Print one story: its timeline, and why it is filed under its topics") { id, format };
        command.SetAction((result, ct) => context.RunAsync(result.GetValue(CliApp.ConfigOption), result.GetValue(CliApp.DataOption), async services =>
        {
            var asked = result.GetValue(id);
            var story = services.Stories.Get(asked) ?? throw new UsageException($"no story has the id {asked}; see 'newsbrief stories'");
            var name = services.BriefService.SourceName;
            var why = Why(services, story);
            await context.Out.WriteLineAsync(result.GetValue(format) == "json"
                ? JsonSerializer.Serialize(StoryJson.From(story, name) with { MergedInto = asked != story.Id ? story.Id : null, Why = why }, JsonOutput.Options)
                : RenderShow(story, asked, name, why));
            return ExitCodes.Done;
        }));
        return command;
    }

    /// <summary>For each topic the story is filed under, the articles that put it there and how.</summary>
    private static IReadOnlyList<TopicReason> Why(AppServices services, Story story) =>
        story.Topics.SelectMany(t => story.Articles
                .Select(a => new TopicReason(t, a.Id, services.Topics.Explain(a.Title, Lead(a), t)))
                .Where(r => r.Reason != "no match"))
            .ToList();

    private static string RenderList(IReadOnlyList<Story> stories, Func<string, string> name)
    {
        if (stories.Count == 0) return "No stories in this window.";
        var text = new StringBuilder();
        foreach (var s in stories)
        {
            var topics = s.Topics.Count == 0 ? "" : $" [{string.Join(", ", s.Topics)}]";
            text.AppendLine($"#{s.Id} {s.Headline}{topics}");
            text.AppendLine($"    {Counted.Of(s.Articles.Count, "article")} from {string.Join(", ", s.Outlets.Select(name))}; first seen {Stamp(s.FirstSeen)}, last updated {Stamp(s.LastUpdated)}");
        }
        return text.ToString().TrimEnd();
    }

    private static string RenderShow(Story story, long asked, Func<string, string> name, IReadOnlyList<TopicReason> why)
    {
        var text = new StringBuilder();
        if (asked != story.Id) text.AppendLine($"(story #{asked} was merged into #{story.Id})");
        text.AppendLine($"#{story.Id} {story.Headline}");
        text.AppendLine($"First seen {Stamp(story.FirstSeen)}, last updated {Stamp(story.LastUpdated)}; {Counted.Of(story.Articles.Count, "article")} from {Counted.Of(story.Outlets.Count, "outlet")}");
        text.AppendLine().AppendLine("Timeline:");
        foreach (var a in story.Articles)
        {
            text.AppendLine($"  {Stamp(a.DatedAt)}  {name(a.SourceId)}: {a.Title}");
            text.AppendLine($"                    {a.Url}");
        }
        text.AppendLine().AppendLine(story.Topics.Count == 0 ? "Topics: none (other news): no topic query matches its titles and leads." : $"Topics: {string.Join(", ", story.Topics)}");
        foreach (var r in why) text.AppendLine($"  {r.Topic}: article {r.Article}: {r.Reason}");
        return text.ToString().TrimEnd();
    }

    private static string Lead(Article a)
    {
        var text = !string.IsNullOrEmpty(a.Text) ? a.Text : a.Description ?? "";
        return text.Length <= 600 ? text : text[..600];
    }

    private static string Stamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
