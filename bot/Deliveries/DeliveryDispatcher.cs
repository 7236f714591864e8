using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NewsBrief.Core.Domain;
using NewsBrief.Core.Telemetry;
using NewsBrief.Core.Storage;
using NewsBrief.Core.Text;

namespace NewsBrief.Bot.Deliveries;

/// <summary>What one pass over the outbox did.</summary>
public sealed record DispatchReport(int Sent, int Retrying, IReadOnlyList<Delivery> FailedNow)
{
    public static DispatchReport Empty { get; } = new(0, 0, []);
}

/// <summary>
/// Sends the outbox: a pass pages through everything due (in id order, bounded by <see cref="DeliveryOptions.PassTimeLimit"/>,
/// not by a count), sending to up to <see cref="DeliveryOptions.ParallelDestinations"/> destinations at once and to each in order,
/// so one slow destination does not hold the others. Each delivery is claimed (leased) before it is sent, so two processes never send
/// the same one, and marked sent with the platform's message id straight after. A retryable failure waits with a doubling back-off
/// and holds back the rest of that destination's queue in this pass; after <see cref="DeliveryOptions.MaxAttempts"/> a delivery is
/// marked failed and reported. A destination in its quiet hours is held until they end; a destination no sender handles yet
/// (Discord before it is configured) is kept pending, retried every MaxRetryDelay, without using up attempts. Messages to one Slack
/// webhook are spaced by <see cref="DeliveryOptions.SlackWebhookInterval"/>; Discord's buckets are kept by its REST client.
/// </summary>
public sealed class DeliveryDispatcher(DeliveryStore store, IReadOnlyList<IDeliverySender> senders, DeliveryOptions options, TimeProvider time)
{
    private const int PageSize = 500;

    /// <summary>When, if at all, the current quiet period of a destination ends (null: not quiet). Read once per pass.</summary>
    public Func<DateTimeOffset, IReadOnlyDictionary<string, DateTimeOffset>>? QuietUntil { get; init; }

    /// <summary>Where sent and failed attempts are counted; none when null.</summary>
    public NewsBriefMetrics? Metrics { get; init; }

    /// <summary>
    /// Where each failed attempt is logged, once, inside a scope carrying <c>DeliveryId</c> and <c>DestinationKind</c>
    /// (never the address: webhook URLs are secrets): a warning while it will be retried, an error when it is given up.
    /// </summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;

    /// <summary>How long a delivery taken for sending is hidden from other senders; a sender that dies leaves it for this long.</summary>
    public TimeSpan Lease => options.WebhookTimeout + TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, DateTimeOffset> _lastSlackPost = new(StringComparer.Ordinal);

    public async Task<DispatchReport> SendDueAsync(CancellationToken cancellationToken)
    {
        var pass = new Pass(time.GetUtcNow() + options.PassTimeLimit);
        var quiet = QuietUntil?.Invoke(time.GetUtcNow()) ?? new Dictionary<string, DateTimeOffset>();
        long after = 0;
        while (time.GetUtcNow() < pass.Deadline)
        {
            var page = store.Due(time.GetUtcNow(), PageSize, after);
            if (page.Count == 0) break;
            after = page[^1].Id;
            using var gate = new SemaphoreSlim(options.ParallelDestinations);
            var queues = page.GroupBy(d => d.Destination, StringComparer.Ordinal).Select(async group =>
            {
                await gate.WaitAsync(cancellationToken);
                try { await SendQueueAsync(group.Key, group.ToList(), quiet, pass, cancellationToken); }
                finally { gate.Release(); }
            });
            await Task.WhenAll(queues);
        }
        lock (pass) return new DispatchReport(pass.Sent, pass.Retrying, pass.Failed.ToList());
    }

    /// <summary>The deliveries of one destination in this page, in order; stops at its first retryable failure.</summary>
    private async Task SendQueueAsync(string destination, IReadOnlyList<Delivery> queue, IReadOnlyDictionary<string, DateTimeOffset> quiet, Pass pass, CancellationToken ct)
    {
        foreach (var delivery in queue)
        {
            ct.ThrowIfCancellationRequested();
            lock (pass) if (pass.Blocked.Contains(destination)) return;
            if (quiet.TryGetValue(destination, out var until))
            {
                store.Defer(delivery.Id, until);
                continue;
            }
            var now = time.GetUtcNow();
            if (SenderFor(destination) is null && Destination.TryParse(destination, out var kind, out _))
            {
                // Kept, not failed: the sender (Discord, e-mail) may be configured later; it does not count as an attempt.
                store.Defer(delivery.Id, now + options.MaxRetryDelay, $"no sender for {kind.Kind} destinations is configured yet{MissingSetting(kind.Kind)}");
                lock (pass) pass.Retrying++;
                continue;
            }
            if (!await SpaceAsync(destination, pass.Deadline, ct)) return;
            if (!store.TryClaim(delivery.Id, now, now + Lease)) continue;
            using var scope = BeginScope(delivery);
            var result = await SendOneAsync(delivery, ct);
            Record(delivery, result, pass);
        }
    }

    private void Record(Delivery delivery, SendResult result, Pass pass)
    {
        switch (result.Outcome)
        {
            case SendOutcome.Sent:
                store.MarkSent(delivery.Id, time.GetUtcNow(), result.MessageId);
                Logger.LogDebug("delivery {DeliveryId} ({Kind}) sent", delivery.Id, delivery.Kind);
                lock (pass) pass.Sent++;
                Metrics?.RecordDeliverySent(delivery.Kind, DestinationKindOf(delivery.Destination));
                break;
            case SendOutcome.Retryable when delivery.Attempts + 1 < options.MaxAttempts:
                var next = time.GetUtcNow() + Backoff(delivery.Attempts + 1, result.RetryAfter);
                store.MarkRetry(delivery.Id, next, result.Error ?? "failed");
                Logger.LogWarning("delivery {DeliveryId} ({Kind}) attempt {Attempt} of {MaxAttempts} failed; next attempt at {NextAttempt:u}: {Error}",
                    delivery.Id, delivery.Kind, delivery.Attempts + 1, options.MaxAttempts, next, result.Error ?? "failed");
                lock (pass)
                {
                    pass.Blocked.Add(delivery.Destination);
                    pass.Retrying++;
                }
                Metrics?.RecordDeliveryFailed(delivery.Kind, DestinationKindOf(delivery.Destination), willRetry: true);
                break;
            default:
                var error = result.Outcome == SendOutcome.Permanent
                    ? result.Error ?? "rejected"
                    : $"gave up after {Counted.Of(delivery.Attempts + 1, "attempt")}: {result.Error}";
                store.MarkFailed(delivery.Id, error);
                Logger.LogError("delivery {DeliveryId} ({Kind}) failed and will not be retried: {Error}", delivery.Id, delivery.Kind, error);
                Metrics?.RecordDeliveryFailed(delivery.Kind, DestinationKindOf(delivery.Destination), willRetry: false);
                lock (pass) pass.Failed.Add(delivery with { Status = DeliveryStatus.Failed, LastError = error, Attempts = delivery.Attempts + 1 });
                break;
        }
    }

    /// <summary>
    /// Sends one queued delivery at once (<c>brief --to</c>, <c>deliveries retry</c>): claimed, sent and recorded as a pass would;
    /// null when it is not pending and due (another process has it, or it was sent).
    /// </summary>
    public async Task<SendResult?> SendNowAsync(long id, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (store.Get(id) is not { Status: DeliveryStatus.Pending } delivery || !store.TryClaim(id, now, now + Lease)) return null;
        using var scope = BeginScope(delivery);
        var result = await SendOneAsync(delivery, ct);
        if (result.Outcome == SendOutcome.Retryable && SenderFor(delivery.Destination) is null)
        {
            store.Defer(id, now + options.MaxRetryDelay, result.Error);
            return result;
        }
        Record(delivery, result, new Pass(now));
        return result;
    }

    /// <summary>Waits until the destination may take another message; false when that is past the pass's end (the rest waits for the next pass).</summary>
    private async Task<bool> SpaceAsync(string destination, DateTimeOffset deadline, CancellationToken ct)
    {
        if (options.SlackWebhookInterval <= TimeSpan.Zero || !destination.StartsWith("slack:webhook:", StringComparison.Ordinal)) return true;
        DateTimeOffset next;
        lock (_lastSlackPost)
        {
            var now = time.GetUtcNow();
            next = _lastSlackPost.TryGetValue(destination, out var last) && last + options.SlackWebhookInterval > now ? last + options.SlackWebhookInterval : now;
            if (next > deadline) return false;
            _lastSlackPost[destination] = next;
        }
        var wait = next - time.GetUtcNow();
        if (wait > TimeSpan.Zero) await Task.Delay(wait, time, ct);
        return true;
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

    /// <summary>Sends one delivery now, whatever its state (the dispatcher's passes, <c>brief --to</c> and <c>deliveries test</c>).</summary>
    public async Task<SendResult> SendOneAsync(Delivery delivery, CancellationToken ct)
    {
        if (!Destination.TryParse(delivery.Destination, out var destination, out var error))
            return new SendResult(SendOutcome.Permanent, Error: error);
        var sender = SenderFor(delivery.Destination);
        if (sender is null)
            return new SendResult(SendOutcome.Retryable, Error: $"no sender for {destination.Kind} destinations is configured yet{MissingSetting(destination.Kind)}");
        try
        {
            // A split message resumes after the parts an earlier attempt got out, and records each part as it goes.
            var progress = new SendProgress(delivery.PartsSent, (parts, messageId) => store.MarkPartsSent(delivery.Id, parts, messageId));
            return await sender.SendAsync(delivery, destination, progress, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One misbehaving sender never stops the others.
            return new SendResult(SendOutcome.Retryable, Error: $"{e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>The setting that turns on a kind of destination, for the message that says it is missing.</summary>
    public static string MissingSetting(DestinationKind kind) => kind switch
    {
        DestinationKind.Email => ": set Smtp:Host and Smtp:From (see the README's e-mail section)",
        DestinationKind.SlackChannel => ": set Slack:BotToken (a bot token with chat:write), or use slack:webhook:<url>",
        DestinationKind.DiscordChannel or DestinationKind.DiscordDm => ": Discord channels and DMs are sent by 'newsbrief run' with Discord:Token set",
        _ => "",
    };

    /// <summary>The scope of one delivery's log lines: its id and the kind of destination, never the address.</summary>
    private IDisposable? BeginScope(Delivery delivery) =>
        Logger.BeginScope("DeliveryId:{DeliveryId} DestinationKind:{DestinationKind}", delivery.Id, DestinationKindOf(delivery.Destination));

    /// <summary>The destination kind as a metric label (never the address: webhook URLs are secrets).</summary>
    private static string DestinationKindOf(string destination) =>
        Destination.TryParse(destination, out var d, out _) ? d.Kind.ToString().ToLowerInvariant() : "unknown";

    /// <summary>The state of one pass, shared by the destinations sent to in parallel (lock it).</summary>
    private sealed class Pass(DateTimeOffset deadline)
    {
        public DateTimeOffset Deadline { get; } = deadline;
        public HashSet<string> Blocked { get; } = new(StringComparer.Ordinal);
        public List<Delivery> Failed { get; } = [];
        public int Sent { get; set; }
        public int Retrying { get; set; }
    }
}
