using NewsBrief.Bot.Composition;
using NewsBrief.Bot.Deliveries;
using NewsBrief.Core.Domain;

namespace NewsBrief.Bot.Cli;

/// <summary>Sends one outbox row at once and says what became of it: <c>brief --to</c> and <c>deliveries retry</c>.</summary>
public static class DeliveryNow
{
    /// <returns>Done when sent; Failed when it failed or waits for a retry (the row stays, and 'deliveries' shows why).</returns>
    public static async Task<int> SendAsync(CommandContext context, AlertServices alerting, long id, CancellationToken ct)
    {
        var delivery = alerting.Deliveries.Get(id)!;
        var to = Destination.RedactStored(delivery.Destination);
        var result = await alerting.Dispatcher.SendNowAsync(id, ct);
        switch (result?.Outcome)
        {
            case SendOutcome.Sent:
                await context.Error.WriteLineAsync($"delivery {id} ({delivery.Kind}) sent to {to}");
                return ExitCodes.Done;
            case null:
                await context.Error.WriteLineAsync($"delivery {id} is being sent by another process or was sent already; see 'newsbrief deliveries'");
                return ExitCodes.Done;
            case SendOutcome.Retryable:
                await context.Error.WriteLineAsync($"delivery {id} to {to} not sent yet: {result.Error}; it stays queued and the next poll or the running service tries again");
                return ExitCodes.Failed;
            default:
                await context.Error.WriteLineAsync($"delivery {id} to {to} failed: {result.Error}");
                return ExitCodes.Failed;
        }
    }
}
