namespace NewsBrief.Bot.Deliveries;

/// <summary>
/// Where a delivery split into several messages stands: how many are out already (a resend starts after them), and
/// a report to the outbox as each one goes, so a failure or a crash at part N leaves parts 1..N-1 recorded as sent.
/// </summary>
public sealed class SendProgress(int partsSent, Action<int, string?>? recordParts = null)
{
    /// <summary>A send that starts at the first part and records nothing (a test message, a direct call).</summary>
    public static SendProgress FromStart => new(0);

    /// <summary>Messages of this delivery already sent, by this attempt or an earlier one.</summary>
    public int PartsSent { get; private set; } = Math.Max(0, partsSent);

    /// <summary>
    /// One more part is out. Recorded only while parts remain: the last one is recorded with the delivery itself, so a
    /// delivery of one message costs no extra write.
    /// </summary>
    public void PartSent(int totalParts, string? messageId)
    {
        PartsSent++;
        if (PartsSent < totalParts) recordParts?.Invoke(PartsSent, messageId);
    }

    /// <summary>Names the part that failed when a message was split (0-based <paramref name="part"/>), so <c>deliveries</c> shows where a resend starts.</summary>
    public static string? AtPart(string? error, int part, int count) => count <= 1 ? error : $"part {part + 1} of {count}: {error}";
}
