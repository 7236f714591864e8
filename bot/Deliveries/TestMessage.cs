using NewsBrief.Core.Domain;

namespace NewsBrief.Bot.Deliveries;

/// <summary>
/// The short test message of <c>deliveries test DEST</c> and <c>doctor --send-test</c>, like Sonarr's "Test" button:
/// sent through the dispatcher's senders (never stored in the outbox), so a failure reads as a real delivery's would and
/// names the setting to fix (the sender's reason, or <see cref="DeliveryDispatcher.MissingSetting"/> when no sender takes the destination).
/// </summary>
public static class TestMessage
{
    /// <summary>What <c>deliveries test</c> prints on success (doctor's pass line reads the same).</summary>
    public const string Sent = "test message sent";

    /// <summary>Sends the test message to <paramref name="to"/> now; the result's error says what to fix.</summary>
    public static Task<SendResult> SendAsync(DeliveryDispatcher dispatcher, Destination to, DateTimeOffset now, CancellationToken cancellationToken) =>
        dispatcher.SendOneAsync(For(to, now), cancellationToken);

    /// <summary>The message itself: a notice naming the destination as the user sees it (a webhook by its host only).</summary>
    public static Delivery For(Destination to, DateTimeOffset now) => new()
    {
        Destination = to.ToString(), Kind = "notice", IdempotencyKey = $"test:{now.ToUnixTimeMilliseconds()}:{Guid.NewGuid():N}",
        Payload = "{\"notice\":\"test\"}", Text = $"NewsBrief test message: {to.Redacted} receives briefs and alerts.", Created = now,
    };
}
