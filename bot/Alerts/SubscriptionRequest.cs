using NewsBrief.Bot.Deliveries;
using NewsBrief.Core.Domain;
using NewsBrief.Core.Query;
using NewsBrief.Core.Storage;
using NewsBrief.Core.Text;

namespace NewsBrief.Bot.Alerts;

/// <summary>A subscription request that breaks a rule (bad query, destination, name, or a limit): a usage error with the reason.</summary>
public sealed class SubscriptionException(string message) : Exception(message);

/// <summary>
/// Checks and stores a new subscription, for the CLI and the chat commands alike: the query parses and
/// is not too long, the destination is known, the owner is under the limit.
/// </summary>
public static class SubscriptionRequest
{
    public const int MaxNameLength = 100;

    public static Subscription Add(SubscriptionStore store, AlertOptions options, string owner, string query, string destination,
        string mode, string? name, DateTimeOffset now)
    {
        query = query.Trim();
        if (query.Length > options.MaxQueryLength)
            throw new SubscriptionException($"the query is {query.Length} characters long; at most {options.MaxQueryLength} are allowed (Alerts:MaxQueryLength)");
        try { TopicQuery.Parse(query); }
        catch (QueryParseException e) { throw new SubscriptionException($"bad query \"{query}\": {e.Message}"); }
        if (!Destination.TryParse(destination, out var dest, out var destError))
            throw new SubscriptionException($"--to: {destError}");
        var alertMode = mode.Trim().ToLowerInvariant() switch
        {
            "instant" => AlertMode.Instant,
            "digest" => AlertMode.Digest,
            _ => throw new SubscriptionException($"--mode: '{mode}' is not a mode; expected instant or digest"),
        };
        if (name is not null && (name.Trim().Length == 0 || name.Length > MaxNameLength))
            throw new SubscriptionException($"--name: a name has 1 to {MaxNameLength} characters");
        var held = store.CountFor(owner);
        if (held >= options.MaxSubscriptionsPerOwner)
            throw new SubscriptionException($"'{owner}' holds {Counted.Of(held, "subscription")}, the most allowed (Alerts:MaxSubscriptionsPerOwner); remove one with 'unsubscribe ID'");
        return store.Add(new Subscription
        {
            Owner = owner,
            Name = name?.Trim(),
            Query = query,
            Destination = dest.ToString(),
            Mode = alertMode,
            Created = now,
            DailyCap = options.DailyCap,
        });
    }
}
