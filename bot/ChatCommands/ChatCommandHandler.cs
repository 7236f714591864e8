using NewsBrief.Bot.Chat;
using NewsBrief.Bot.Articles;
using NewsBrief.Bot.Briefing;
using NewsBrief.Bot.Composition;
using NewsBrief.Bot.Sources;
using NewsBrief.Summariser.Briefing;
using NewsBrief.Summariser.Extractive;
using NewsBrief.Bot.Rendering;
using NewsBrief.Core.Text;
using NewsBrief.Core.Chat;

namespace NewsBrief.Bot.ChatCommands;

/// <summary>
/// Answers chat commands from any platform (Discord, the console): /brief, /summary, /sources, /help,
/// and the alert and schedule commands registered with <see cref="Register"/>. Failures become error replies.
/// </summary>
public sealed class ChatCommandHandler(AppServices services)
{
    private readonly Dictionary<string, Func<ChatCommand, CancellationToken, Task<ChatReply>>> _extra = new(StringComparer.Ordinal);

    /// <summary>Adds a command handled elsewhere (subscriptions, schedules).</summary>
    public void Register(string name, Func<ChatCommand, CancellationToken, Task<ChatReply>> handler) => _extra[name] = handler;

    public async Task<ChatReply> HandleAsync(ChatCommand command, CancellationToken ct)
    {
        try
        {
            return command.Name switch
            {
                "brief" => await BriefAsync(command, ct),
                "summary" => await SummaryAsync(command, ct),
                "sources" => await SourcesAsync(command, ct),
                "help" => HelpReply.Text(_extra.Keys),
                _ when _extra.TryGetValue(command.Name, out var handler) => await handler(command, ct),
                _ => ChatReply.Error($"Unknown command /{command.Name}. Try /help."),
            };
        }
        catch (BriefScopeException e)
        {
            return ChatReply.Error(e.Message);
        }
    }

    /// <summary>Choices for an option being typed: topic names for topic, source ids for source.</summary>
    public IReadOnlyList<string> Autocomplete(string command, string option, string partial)
    {
        IEnumerable<string> all = option switch
        {
            "topic" => services.Config.Topics.Select(t => t.Topic.Name),
            "source" => services.Sources.Current.Select(s => s.Id),
            _ => [],
        };
        return all.Where(x => x.Contains(partial.Trim(), StringComparison.OrdinalIgnoreCase)).Take(25).ToList();
    }

    private async Task<ChatReply> BriefAsync(ChatCommand command, CancellationToken ct)
    {
        var window = services.Brief.DefaultWindow;
        if (command.Option("since") is { } since && !DurationParser.TryParse(since, out window, out var error))
            return ChatReply.Error($"since: {error}");
        var topic = command.Option("topic")?.Trim();
        var scope = topic is null or ""
            ? BriefScope.All
            : services.Config.Topics.Any(t => string.Equals(t.Topic.Name, topic, StringComparison.OrdinalIgnoreCase))
                ? new BriefScope(Topic: topic)
                : new BriefScope(Query: topic);
        var brief = await services.BriefService.CreateAsync(window, scope, newOnly: false, ct);
        var label = scope.Topic is not null ? $"on {scope.Topic}" : scope.Query is not null ? $"for \"{scope.Query}\"" : "of all topics";
        return BriefReplies.From(brief, services.BriefService.SourceName, label);
    }

    private async Task<ChatReply> SummaryAsync(ChatCommand command, CancellationToken ct)
    {
        var url = command.Option("url");
        if (url is null || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return ChatReply.Error($"'{url}' is not an http(s) address of an article.");
        var (article, error) = await new ArticleInput(services.Fetcher).ReadAsync(uri.AbsoluteUri, ct);
        if (article is null) return ChatReply.Error($"Could not read the article: {error}");
        if (article.Text.Length < 100) return ChatReply.Error("The page has too little article text to summarise.");
        var title = article.Title ?? uri.Host;
        var summary = await services.CreateStorySummariser().SummariseAsync(ArticleInput.AsStory(article, title), ct);
        var text = string.Join("\n", summary.Sentences.Select(s => $"• {s.Text}"));
        return new ChatReply
        {
            Embeds = [new ReplyEmbed(title, text, (article.CanonicalUrl ?? article.Url).AbsoluteUri, Footer: $"{summary.Engine}{(article.Byline is null ? "" : $" · {article.Byline}")}")],
        };
    }

    private async Task<ChatReply> SourcesAsync(ChatCommand command, CancellationToken ct)
    {
        var editor = new SourceEditor(services.Sources, services.Fetcher);
        switch (command.Subcommand)
        {
            case "add" or "remove" when !command.IsAdmin:
                return ChatReply.Error("Changing sources needs the Manage Server permission or an admin role.");
            case "add":
                var added = await editor.AddAsync(command.Option("url") ?? "", null, command.Option("name"), [], ct);
                return added.Ok ? ChatReply.Plain(added.Message) : ChatReply.Error(added.Message);
            case "remove":
                var removed = editor.Remove(command.Option("source") ?? "");
                return removed.Ok ? ChatReply.Plain(removed.Message) : ChatReply.Error(removed.Message);
            case "check":
                var id = command.Option("source");
                var which = id is null ? services.Sources.Current : services.Sources.Find(id) is { } one ? [one] : null;
                if (which is null) return ChatReply.Error($"No source has the id '{id}'.");
                var reports = await services.Refresh.PollAsync(which, dueOnly: false, ct);
                return ChatReply.Plain(string.Join("\n", reports.Select(r => $"{r.SourceId}: {r.Outcome}{(r.Failed ? $" ({r.Error})" : $", {r.Inserted} new")}")));
            default:
                return SourcesReply(SourceRow.List(services.Sources.Current, services.SourceStates.GetAll()));
        }
    }

    private static ChatReply SourcesReply(IReadOnlyList<SourceRow> rows)
    {
        var lines = rows.Select(r => $"{(r.Health == "failing" ? "✗" : r.Health == "healthy" ? "✓" : "·")} {r.Id}: {Counted.Of(r.Articles, "article")}{(r.LastError is null ? "" : $", last error: {r.LastError}")}");
        var failing = rows.Count(r => r.Health == "failing");
        return new ChatReply
        {
            Text = $"{Counted.Of(rows.Count, "source")}, {failing} failing.",
            Embeds = [new ReplyEmbed("Sources", string.Join("\n", lines))],
        };
    }
}
