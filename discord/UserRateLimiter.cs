namespace NewsBrief.Discord;

/// <summary>A sliding-window limit per user (e.g. 3 briefs a minute), on an injected clock.</summary>
public sealed class UserRateLimiter(int limit, TimeSpan window, TimeProvider time)
{
    private readonly Dictionary<string, Queue<DateTimeOffset>> _uses = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Counts a use and returns null when allowed; otherwise how long until the user may try again.</summary>
    public TimeSpan? TryAcquire(string userId)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (!_uses.TryGetValue(userId, out var uses)) _uses[userId] = uses = new Queue<DateTimeOffset>();
            while (uses.Count > 0 && uses.Peek() + window <= now) uses.Dequeue();
            if (uses.Count >= limit) return uses.Peek() + window - now;
            uses.Enqueue(now);
            return null;
        }
    }
}
