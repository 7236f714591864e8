using NewsBrief.Core.Domain;
using NewsBrief.Core.Telemetry;
using NewsBrief.Core.Storage;

namespace NewsBrief.Bot.Deliveries;

/// <summary>What one pass over the outbox did.</summary>
public sealed record DispatchReport(int Sent, int Retrying, IReadOnlyList<Delivery> FailedNow)
{
    public static DispatchReport Empty { get; } = new(0, 0, []);
}

/// <summary>
/// Sends the outbox: each due delivery goes to its sender and is marked sent with the platform's message
/// id straight after. A retryable failure waits with a doubling back-off and holds back only the rest of
/// that destination's queue in this pass; after <see cref="DeliveryOptions.MaxAttempts"/> a delivery is
/// marked failed and reported. A delivery is claimed (leased) before it is sent, so two processes never send
/// the same one; a destination in its quiet hours is held until they end; a destination no sender handles
/// yet (Discord before it is configured) is kept pending, retried every MaxRetryDelay, without using up attempts.
/// </summary>
public sealed class DeliveryDispatcher(DeliveryStore store, IReadOnlyList<IDeliverySender> senders, DeliveryOptions options, TimeProvider time)
{
    /// <summary>Called after each delivery is marked sent (the test crash hook counts here).</summary>
    public Action<Delivery>? AfterSent { get; init; }

    /// <summary>When, if at all, the current quiet period of a destination ends (null: not quiet). Read once per pass.</summary>
    public Func<DateTimeOffset, IReadOnlyDictionary<string, DateTimeOffset>>? QuietUntil { get; init; }

    /// <summary>How long a delivery taken for sending is hidden from other senders; a sender that dies leaves it for this long.</summary>
    /// <summary>Where sent and failed attempts are counted; none when null.</summary>
    public NewsBriefMetrics? Metrics { get; init; }

    public TimeSpan Lease => options.WebhookTimeout + TimeSpan.FromSeconds(30);

    public async Task<DispatchReport> SendDueAsync(CancellationToken cancellationToken)
    {
        var blocked = new HashSet<string>(StringComparer.Ordinal);
        int sent = 0, retrying = 0;
        var failed = new List<Delivery>();
        var start = time.GetUtcNow();
        var quiet = QuietUntil?.Invoke(start) ?? new Dictionary<string, DateTimeOffset>();
        foreach (var delivery in store.Due(start))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (blocked.Contains(delivery.Destination)) continue;
            if (quiet.TryGetValue(delivery.Destination, out var until))
            {
                store.Defer(delivery.Id, until);
                continue;
            }
            var now = time.GetUtcNow();
            if (SenderFor(delivery.Destination) is null && Destination.TryParse(delivery.Destination, out var kind, out _))
            {
                // Kept, not failed: the sender (Discord) may be configured later; it does not count as an attempt.
                store.Defer(delivery.Id, now + options.MaxRetryDelay, $"no sender for {kind.Kind} destinations is configured yet");
                retrying++;
                continue;
            }
            if (!store.TryClaim(delivery.Id, now, now + Lease)) continue;
            var result = await SendOneAsync(delivery, cancellationToken);
            switch (result.Outcome)
            {
                case SendOutcome.Sent:
                    store.MarkSent(delivery.Id, time.GetUtcNow(), result.MessageId);
                    sent++;
                    Metrics?.RecordDeliverySent(delivery.Kind, DestinationKindOf(delivery.Destination));
                    AfterSent?.Invoke(delivery);
                    break;
                case SendOutcome.Retryable when delivery.Attempts + 1 < options.MaxAttempts:
                    store.MarkRetry(delivery.Id, time.GetUtcNow() + Backoff(delivery.Attempts + 1, result.RetryAfter), result.Error ?? "failed");
                    blocked.Add(delivery.Destination);
                    retrying++;
                    Metrics?.RecordDeliveryFailed(delivery.Kind, DestinationKindOf(delivery.Destination), willRetry: true);
                    break;
                default:
                    var error = result.Outcome == SendOutcome.Permanent
                        ? result.Error ?? "rejected"
                        : $"gave up after {delivery.Attempts + 1} attempt(s): {result.Error}";
                    store.MarkFailed(delivery.Id, error);
                    Metrics?.RecordDeliveryFailed(delivery.Kind, DestinationKindOf(delivery.Destination), willRetry: false);
                    failed.Add(delivery with { Status = DeliveryStatus.Failed, LastError = error, Attempts = delivery.Attempts + 1 });
                    break;
            }
        }
        return new DispatchReport(sent, retrying, failed);
    }

    /// <summary>The wait after the given number of failed attempts: doubling, capped, at least what the platform asked for.</summary>
    public TimeSpan Backoff(int failures, TimeSpan? retryAfter)
    {
        var delay = options.RetryDelay * Math.Pow(2, Math.Min(failures - 1, 20));
        if (delay > options.MaxRetryDelay) delay = options.MaxRetryDelay;
        return retryAfter is { } asked && asked > delay ? asked : delay;
    }

    private IDeliverySender? SenderFor(string destination) =>
        Destination.TryParse(destination, out var parsed, out _) ? senders.FirstOrDefault(s => s.Handles(parsed)) : null;

    private async Task<SendResult> SendOneAsync(Delivery delivery, CancellationToken ct)
    {
        if (!Destination.TryParse(delivery.Destination, out var destination, out var error))
            return new SendResult(SendOutcome.Permanent, Error: error);
        var sender = SenderFor(delivery.Destination);
        if (sender is null)
            return new SendResult(SendOutcome.Retryable, Error: $"no sender for {destination.Kind} destinations is configured yet");
        try
        {
            return await sender.SendAsync(delivery, destination, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One misbehaving sender never stops the others.
            return new SendResult(SendOutcome.Retryable, Error: $"{e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>The destination's kind word for a metric tag (never the address: webhook URLs are secrets).</summary>
    private static string DestinationKindOf(string destination) =>
        Destination.TryParse(destination, out var d, out _) ? d.Kind.ToString().ToLowerInvariant() : "unknown";
}
