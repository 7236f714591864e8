using NewsBrief.Core.Domain;

namespace NewsBrief.Bot.Rendering;

/// <summary>One subscription as <c>subscriptions</c> shows it (also its JSON form); a webhook URL is shown by host only.</summary>
public sealed record SubscriptionRow(long Id, string Owner, string? Name, string Query, string Destination, string Mode, int DailyCap, DateTimeOffset Created)
{
    public static SubscriptionRow From(Subscription s) => new(s.Id, s.Owner, s.Name, s.Query,
        Deliveries.Destination.TryParse(s.Destination, out var d, out _) ? d.Redacted : s.Destination,
        s.Mode.ToString().ToLowerInvariant(), s.DailyCap, s.Created);
}
