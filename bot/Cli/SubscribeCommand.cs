using System.CommandLine;
using System.Text.Json;
using NewsBrief.Bot.Alerts;
using NewsBrief.Bot.Deliveries;
using NewsBrief.Core.Domain;
using NewsBrief.Bot.Rendering;
using NewsBrief.Bot.Composition;

namespace NewsBrief.Bot.Cli;

/// <summary>
/// <c>newsbrief subscribe "QUERY" [--to DEST] [--mode instant|digest] [--name NAME]</c> and
/// <c>newsbrief unsubscribe ID</c>: keyword alert subscriptions, owned by <c>cli</c> from the command line.
/// </summary>
public static class SubscribeCommand
{
    public const string CliOwner = SubscriptionOwners.Cli;

    public static Command Create(CommandContext context)
    {
        var query = new Argument<string>("query") { Description = "The query, e.g. \"tiktok AND (ban OR prohibit*)\"" };
        var to = new Option<string>("--to") { Description = "console, discord:channel:<id>, discord:dm:<userId> or webhook:<url>", DefaultValueFactory = _ => "console" };
        var mode = new Option<string>("--mode") { Description = "instant (each poll's matches) or digest (once a day)", DefaultValueFactory = _ => "instant" };
        var name = new Option<string?>("--name") { Description = "A name shown in alerts (default: the query)" };
        var format = FormatOption.Create("text", "json");
        var command = new Command("subscribe", "Get an alert for each new article that matches a query") { query, to, mode, name, format };
        command.SetAction((result, ct) => context.RunAsync(result.GetValue(CliApp.ConfigOption), result.GetValue(CliApp.DataOption), async (services, alerting) =>
        {
            Subscription sub;
            try
            {
                sub = SubscriptionRequest.Add(alerting.Subscriptions, alerting.Options, CliOwner, result.GetValue(query)!, result.GetValue(to)!,
                    result.GetValue(mode)!, result.GetValue(name), context.Time.GetUtcNow());
            }
            catch (SubscriptionException e) { throw new UsageException(e.Message); }
            await context.Out.WriteLineAsync(result.GetValue(format) == "json"
                ? JsonSerializer.Serialize(SubscriptionRow.From(sub), JsonOutput.Options)
                : $"subscription {sub.Id}: \"{sub.Query}\" to {Destination.Parse(sub.Destination).Redacted} ({sub.Mode.ToString().ToLowerInvariant()})");
            return ExitCodes.Done;
        }));
        return command;
    }

    public static Command CreateUnsubscribe(CommandContext context)
    {
        var id = new Argument<long>("id") { Description = "The subscription's id (see 'newsbrief subscriptions')" };
        var command = new Command("unsubscribe", "Remove a subscription") { id };
        command.SetAction((result, ct) => context.RunAsync(result.GetValue(CliApp.ConfigOption), result.GetValue(CliApp.DataOption), async (services, alerting) =>
        {
            var sub = result.GetValue(id);
            if (!alerting.Subscriptions.Remove(sub)) throw new UsageException($"no subscription has the id {sub}; see 'newsbrief subscriptions'");
            await context.Out.WriteLineAsync($"subscription {sub} removed");
            return ExitCodes.Done;
        }));
        return command;
    }
}
