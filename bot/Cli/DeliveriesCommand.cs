using System.CommandLine;
using System.Text.Json;
using NewsBrief.Bot.Alerts;
using NewsBrief.Bot.Deliveries;
using NewsBrief.Bot.Rendering;
using NewsBrief.Core.Domain;
using NewsBrief.Bot.Composition;

namespace NewsBrief.Bot.Cli;

/// <summary><c>newsbrief deliveries [--status pending|sent|failed] [--limit N] [--format text|json]</c>: the outbox, newest first.</summary>
public static class DeliveriesCommand
{
    public static Command Create(CommandContext context)
    {
        var status = new Option<string?>("--status") { Description = "Only deliveries in this state: pending, sent or failed" };
        status.AcceptOnlyFromAmong("pending", "sent", "failed");
        var limit = new Option<int>("--limit") { Description = "At most this many (default 50)", DefaultValueFactory = _ => 50 };
        var format = FormatOption.Create("text", "json");
        var command = new Command("deliveries", "The outbox of alerts and briefs: what was sent, what waits, what failed and why") { status, limit, format };
        command.SetAction((result, ct) => context.RunAsync(result.GetValue(CliApp.ConfigOption), result.GetValue(CliApp.DataOption), async (services, alerting) =>
        {
            if (result.GetValue(limit) is < 1 or > 10_000) throw new UsageException("--limit: give a number from 1 to 10000");
            DeliveryStatus? wanted = result.GetValue(status) is { } s ? Enum.Parse<DeliveryStatus>(s, ignoreCase: true) : null;
            var rows = alerting.Deliveries.List(wanted, result.GetValue(limit)).Select(DeliveryRow.From).ToList();
            await context.Out.WriteLineAsync(result.GetValue(format) == "json"
                ? JsonSerializer.Serialize(rows, JsonOutput.Options)
                : TextTable.Render(["id", "kind", "to", "status", "attempts", "created", "error"],
                    rows.Select(r => new[] { r.Id.ToString(), r.Kind, r.Destination, r.Status, r.Attempts.ToString(), $"{r.Created:u}", r.LastError ?? "" }).ToList()));
            return ExitCodes.Done;
        }));
        command.Subcommands.Add(Retry(context));
        command.Subcommands.Add(Test(context));
        return command;
    }

    /// <summary><c>deliveries retry ID</c>: puts a failed delivery back in the queue and sends it at once.</summary>
    private static Command Retry(CommandContext context)
    {
        var id = new Argument<long>("id") { Description = "The delivery's id (see 'newsbrief deliveries --status failed')" };
        var command = new Command("retry", "Queue a failed delivery again and send it now") { id };
        command.SetAction((result, ct) => context.RunAsync(result.GetValue(CliApp.ConfigOption), result.GetValue(CliApp.DataOption), async (_, alerting) =>
        {
            var wanted = result.GetValue(id);
            var delivery = alerting.Deliveries.Get(wanted) ?? throw new UsageException($"no delivery has the id {wanted}; see 'newsbrief deliveries'");
            if (delivery.Status == DeliveryStatus.Sent) throw new UsageException($"delivery {wanted} was sent already ({delivery.Sent:u}); nothing to retry");
            if (delivery.Status == DeliveryStatus.Failed) alerting.Deliveries.Requeue(wanted, context.Time.GetUtcNow());
            return await DeliveryNow.SendAsync(context, alerting, wanted, ct);
        }));
        return command;
    }

    /// <summary><c>deliveries test DEST</c>: a short message to the destination, naming the setting to fix when it fails.</summary>
    private static Command Test(CommandContext context)
    {
        var destination = new Argument<string>("destination") { Description = "email:..., slack:webhook:..., slack:channel:..., teams:webhook:..., webhook:..., discord:... or console" };
        var command = new Command("test", "Send a short test message to a destination and say what is wrong if it fails") { destination };
        command.SetAction((result, ct) => context.RunAsync(result.GetValue(CliApp.ConfigOption), result.GetValue(CliApp.DataOption), async (_, alerting) =>
        {
            if (!Destination.TryParse(result.GetValue(destination), out var to, out var error)) throw new UsageException(error);
            var sent = await TestMessage.SendAsync(alerting.Dispatcher, to, context.Time.GetUtcNow(), ct);
            if (sent.Outcome == SendOutcome.Sent)
            {
                await context.Error.WriteLineAsync($"ok: {TestMessage.Sent} to {to.Redacted}");
                return ExitCodes.Done;
            }
            await context.Error.WriteLineAsync($"failed: {to.Redacted}: {sent.Error}");
            return ExitCodes.Failed;
        }));
        return command;
    }
}

/// <summary>One outbox row as <c>deliveries</c> shows it (also its JSON form); a webhook URL is shown by host only.</summary>
public sealed record DeliveryRow(long Id, string Kind, string Destination, string Key, long? Subscription, string Status, int Attempts,
    DateTimeOffset Created, DateTimeOffset NextAttempt, DateTimeOffset? Sent, string? MessageId, string? LastError)
{
    public static DeliveryRow From(Delivery d) => new(d.Id, d.Kind,
        Deliveries.Destination.TryParse(d.Destination, out var dest, out _) ? dest.Redacted : d.Destination,
        d.IdempotencyKey, d.SubscriptionId, d.Status.ToString().ToLowerInvariant(), d.Attempts, d.Created, d.NextAttempt, d.Sent, d.MessageId, d.LastError);
}
