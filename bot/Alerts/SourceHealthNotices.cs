using System.Text.Json;
using NewsBrief.Core.Domain;
using NewsBrief.Core.Storage;
using NewsBrief.Scrapers.Refresh;

namespace NewsBrief.Bot.Alerts;

/// <summary>
/// Tells the admins (the default destination: the console or Discord:WebhookUrl) when a source has failed
/// <see cref="Threshold"/> polls in a row, once per failure streak, through the outbox, so a feed that goes
/// silent is never only a line in a log.
/// </summary>
public sealed class SourceHealthNotices(DeliveryStore deliveries, SourceStateStore states, string destination)
{
    public int Threshold { get; init; } = 3;

    /// <returns>How many notices were queued.</returns>
    public int Queue(IReadOnlyList<PollReport> reports, DateTimeOffset now)
    {
        var queued = 0;
        foreach (var report in reports.Where(r => r.Failed))
        {
            if (states.Get(report.SourceId) is not { } state || state.ConsecutiveFailures != Threshold) continue;
            var text = $"Source '{report.SourceName}' ({report.SourceId}) has failed {state.ConsecutiveFailures} polls in a row: {report.Error}. "
                + $"It is retried with back-off (next try {state.NextPoll:u}); see 'newsbrief sources list'.";
            var added = deliveries.Add(new Delivery
            {
                Destination = destination,
                Kind = "notice",
                // One notice per failure streak: a new streak starts after the next success.
                IdempotencyKey = $"source-failing:{report.SourceId}:{state.LastSuccess?.ToUnixTimeSeconds() ?? 0}",
                Payload = JsonSerializer.Serialize(new { notice = "source-failing", source = report.SourceId, failures = state.ConsecutiveFailures, error = report.Error }),
                Text = text,
                Created = now,
                NextAttempt = now,
            });
            if (added is not null) queued++;
        }
        return queued;
    }
}
