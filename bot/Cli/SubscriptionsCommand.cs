using System.CommandLine;
using System.Text.Json;
using NewsBrief.Bot.Alerts;
using NewsBrief.Bot.Rendering;
using NewsBrief.Core.Domain;
using NewsBrief.Scrapers.Dedup;
using NewsBrief.Bot.Composition;

namespace NewsBrief.Bot.Cli;

/// <summary>
/// <c>newsbrief subscriptions [--format text|json]</c> lists the subscriptions;
/// <c>newsbrief subscriptions explain ID ARTICLE_URL</c> says why an article matched or not, and whether it alerted.
/// </summary>
public static class SubscriptionsCommand
{
    public static Command Create(CommandContext context)
    {
        var format = FormatOption.Create("text", "json");
        var command = new Command("subscriptions", "List the alert subscriptions") { format };
        command.SetAction((result, ct) => context.RunAsync(result.GetValue(CliApp.ConfigOption), result.GetValue(CliApp.DataOption), async (services, alerting) =>
        {
            var rows = alerting.Subscriptions.List().Select(SubscriptionRow.From).ToList();
            await context.Out.WriteLineAsync(result.GetValue(format) == "json"
                ? JsonSerializer.Serialize(rows, JsonOutput.Options)
                : TextTable.Render(["id", "name", "query", "to", "mode", "owner"],
                    rows.Select(r => new[] { r.Id.ToString(), r.Name ?? "", r.Query, r.Destination, r.Mode, r.Owner }).ToList()));
            return ExitCodes.Done;
        }));
        command.Subcommands.Add(Explain(context));
        return command;
    }

    private static Command Explain(CommandContext context)
    {
        var id = new Argument<long>("id") { Description = "The subscription's id" };
        var url = new Argument<string>("article-url") { Description = "The URL of a stored article" };
        var format = FormatOption.Create("text", "json");
        var command = new Command("explain", "Say why a stored article matched a subscription or not, and whether it alerted") { id, url, format };
        command.SetAction((result, ct) => context.RunAsync(result.GetValue(CliApp.ConfigOption), result.GetValue(CliApp.DataOption), async (services, alerting) =>
        {
            var sub = alerting.Subscriptions.Get(result.GetValue(id))
                      ?? throw new UsageException($"no subscription has the id {result.GetValue(id)}; see 'newsbrief subscriptions'");
            var text = result.GetValue(url)!.Trim();
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)) throw new UsageException($"'{text}' is not an absolute URL");
            var canonical = UrlCanonicaliser.Canonicalise(uri).AbsoluteUri;
            var article = alerting.Alerts.ArticleIdByUrl(canonical, text) is { } articleId ? services.Articles.Get(articleId) : null;
            if (article is null) throw new UsageException($"no stored article has the URL {text}; poll first, or check the URL");
            var explanation = SubscriptionExplainer.Explain(alerting.Composer, alerting.Alerts, sub, article);
            await context.Out.WriteLineAsync(result.GetValue(format) == "json"
                ? JsonSerializer.Serialize(explanation, JsonOutput.Options)
                : explanation.ToText());
            return ExitCodes.Done;
        }));
        return command;
    }
}
