using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NewsBrief.Bot.Schedules;
using NewsBrief.Core.Domain;
using NewsBrief.Core.Query;
using NewsBrief.Core.Storage;
using NewsBrief.Core.Telemetry;
using NewsBrief.Core.Text;

namespace NewsBrief.Bot.Alerts;

/// <summary>What one scan queued.</summary>
public sealed record AlertScanReport(int ArticlesScanned, int Alerts, int HeldForDigest, int Digests);

/// <summary>
/// The alert orchestrator. Reads the articles stored since the watermark, matches them against every
/// subscription, groups each subscription's matches into stories, and commits the alerts, their outbox
/// rows and the new watermark in one transaction (per batch). Instant alerts beyond a subscription's
/// daily cap, and every match of a digest subscription, wait for its next digest, which is queued the
/// same way when due. Sending is the dispatcher's job.
/// </summary>
public sealed class AlertScanner(
    ArticleStore articles, SubscriptionStore subscriptions, AlertStore alerts, AlertComposer composer,
    AlertOptions options, TimeZoneInfo zone, TimeProvider time)
{
    /// <summary>How far back an alerted story is remembered, so its later articles come as an update of it.</summary>
    public static readonly TimeSpan StoryMemory = TimeSpan.FromDays(3);

    private readonly SubscriptionMatcher _matcher = new();

    public SubscriptionMatcher Matcher => _matcher;

    /// <summary>Where queued alerts and digests are counted; none when null.</summary>
    public NewsBriefMetrics? Metrics { get; init; }

    /// <summary>
    /// Where the scan logs; what it does for one subscription is logged inside a scope carrying its <c>SubscriptionId</c>.
    /// </summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;

    /// <summary>The subscriptions whose broken query was logged already (once per process, not once per scan).</summary>
    private readonly HashSet<long> _reportedBroken = [];

    /// <summary>
    /// The leases of the workers sharing the store: when set, a scan runs only while this worker holds
    /// <see cref="WorkerLeases.AlertScan"/> (renewed per batch), so the workers do not plan the same articles
    /// side by side. Correctness does not rest on it: a commit whose watermark moved meanwhile writes nothing.
    /// </summary>
    public WorkerLeases? Leases { get; init; }

    /// <summary>How long the scan lease lasts without a renewal (a worker that dies mid-scan holds up the others this long).</summary>
    public static readonly TimeSpan ScanLease = TimeSpan.FromMinutes(1);

    /// <summary>Scans the articles stored since the last scan and queues digests that are due; nothing when another worker is scanning.</summary>
    public AlertScanReport Scan()
    {
        if (Leases is null) return ScanHeld();
        if (!Leases.TryHold(WorkerLeases.AlertScan, ScanLease)) return new AlertScanReport(0, 0, 0, 0);
        try { return ScanHeld(); }
        finally { Leases.Release(WorkerLeases.AlertScan); }
    }

    private AlertScanReport ScanHeld()
    {
        int scanned = 0, queued = 0, held = 0;
        while (true)
        {
            // Renewed per batch; lost only when this worker stalled past the lease, and then another scans on.
            if (Leases is not null && !Leases.TryHold(WorkerLeases.AlertScan, ScanLease)) break;
            var watermark = alerts.Watermark();
            var batch = articles.After(watermark, options.ScanBatch);
            if (batch.Count == 0) break;
            var subs = subscriptions.List();
            _matcher.Sync(subs);
            ReportBroken();
            var planned = Plan(subs, batch, time.GetUtcNow());
            // Another process scanned meanwhile: read again from its watermark.
            if (!alerts.Commit(watermark, batch[^1].Id, planned, [], time.GetUtcNow())) continue;
            scanned += batch.Count;
            queued += planned.Count(p => p.Delivery is not null);
            held += planned.Count(p => p.Delivery is null);
        }
        var digests = QueueDueDigests();
        Metrics?.RecordAlertsPlanned(queued + digests);
        return new AlertScanReport(scanned, queued, held, digests);
    }

    private List<PlannedAlert> Plan(IReadOnlyList<Subscription> subs, IReadOnlyList<Article> batch, DateTimeOffset now)
    {
        var matched = new Dictionary<long, List<Article>>();
        var terms = new Dictionary<long, DocumentTerms>();
        foreach (var article in batch)
        {
            var doc = terms[article.Id] = composer.Terms(article, _matcher.UsesEvents);
            foreach (var id in _matcher.Match(doc))
            {
                if (!matched.TryGetValue(id, out var list)) matched[id] = list = [];
                list.Add(article);
            }
        }
        // A subscription never alerts what was stored before it; the rest of its past is read for all matched subscriptions at once.
        var candidates = new Dictionary<long, IReadOnlyCollection<string>>();
        var bySubscription = subs.ToDictionary(s => s.Id);
        foreach (var (id, hits) in matched)
        {
            if (!bySubscription.TryGetValue(id, out var sub)) continue;
            var urls = hits.Where(a => a.Id > sub.StartAfter).Select(a => a.CanonicalUrl).Distinct().ToList();
            if (urls.Count > 0) candidates[id] = urls;
        }
        var history = alerts.History(candidates, now - TimeSpan.FromDays(1), now - StoryMemory);
        var headlines = composer.Headlines(batch);
        var planned = new List<PlannedAlert>();
        foreach (var sub in subs)
        {
            if (!candidates.ContainsKey(sub.Id)) continue;
            using var scope = BeginScope(sub);
            // One subscription that cannot be planned (a bad stored row) costs only its own alerts of this batch.
            try { planned.AddRange(PlanOne(sub, matched[sub.Id], history.GetValueOrDefault(sub.Id) ?? AlertHistory.None, headlines, terms, now)); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Logger.LogError(e, "subscription {SubscriptionId}: alerts for {Articles} could not be planned and are skipped", sub.Id, Counted.Of(matched[sub.Id].Count, "article"));
            }
        }
        return planned;
    }

    private List<PlannedAlert> PlanOne(Subscription sub, IReadOnlyList<Article> hits, AlertHistory past, IReadOnlyDictionary<long, string> headlines,
        IReadOnlyDictionary<long, DocumentTerms> terms, DateTimeOffset now)
    {
        var planned = new List<PlannedAlert>();
        // Nor an article it has alerted (a re-added source).
        var fresh = hits.Where(a => a.Id > sub.StartAfter && !past.Alerted.Contains(a.CanonicalUrl)).ToList();
        if (fresh.Count == 0) return planned;
        var sent = past.AlertsSince;
        foreach (var (story, update) in composer.Stories(fresh, past.AlertedStories, headlines))
        {
            if (sub.Mode == AlertMode.Digest || sent >= sub.DailyCap)
            {
                planned.Add(new PlannedAlert(sub.Id, story.Articles, null));
                continue;
            }
            var doc = composer.Compose(sub, story, update, a => _matcher.MatchedTerms(sub.Id, terms[a.Id]));
            planned.Add(new PlannedAlert(sub.Id, story.Articles, AlertComposer.InstantDelivery(sub, doc, now)));
            sent++;
        }
        Logger.LogDebug("subscription {SubscriptionId}: {Instant} queued, {Held} held for the digest", sub.Id,
            Counted.Of(planned.Count(p => p.Delivery is not null), "alert"), Counted.Of(planned.Count(p => p.Delivery is null), "story", "stories"));
        return planned;
    }

    /// <summary>The scope of one subscription's log lines.</summary>
    private IDisposable? BeginScope(Subscription sub) => Logger.BeginScope("SubscriptionId:{SubscriptionId}", sub.Id);

    /// <summary>Logs each subscription whose stored query no longer parses, once, as a warning in its scope.</summary>
    private void ReportBroken()
    {
        foreach (var (id, error) in _matcher.Broken)
        {
            if (!_reportedBroken.Add(id)) continue;
            using var scope = Logger.BeginScope("SubscriptionId:{SubscriptionId}", id);
            Logger.LogWarning("subscription {SubscriptionId}: its query no longer parses and is skipped: {Error}", id, error);
        }
    }

    /// <summary>Queues the digest of every subscription whose digest time has passed and that has articles waiting.</summary>
    private int QueueDueDigests()
    {
        var now = time.GetUtcNow();
        var count = 0;
        var subs = subscriptions.List();
        _matcher.Sync(subs);
        var waitingSince = alerts.WaitingSince();
        // An article in several digests is tokenised once.
        var terms = new Dictionary<long, DocumentTerms>();
        DocumentTerms Terms(Article a) => terms.TryGetValue(a.Id, out var t) ? t : terms[a.Id] = composer.Terms(a, _matcher.UsesEvents);
        foreach (var sub in subs)
        {
            if (!waitingSince.TryGetValue(sub.Id, out var from)) continue;
            // The digest time after the first article began to wait (and after the last digest).
            if (sub.LastDigest is { } last && last > from) from = last;
            var due = DailySchedule.Next(from, options.DigestTime, zone);
            if (due > now) continue;
            // After downtime, one digest for the latest missed time, not one per missed day.
            for (var next = DailySchedule.Next(due, options.DigestTime, zone); next <= now; next = DailySchedule.Next(due, options.DigestTime, zone)) due = next;
            using var scope = BeginScope(sub);
            var waiting = articles.GetMany(alerts.WaitingForDigest(sub.Id));
            var docs = composer.Stories(waiting, [])
                .Select(x => composer.Compose(sub, x.Story, x.Update, a => _matcher.MatchedTerms(sub.Id, Terms(a))))
                .ToList();
            var digest = new PlannedDigest(sub.Id, waiting.Select(a => a.Id).ToList(), AlertComposer.DigestDelivery(sub, docs, due, now), due);
            var watermark = alerts.Watermark();
            if (!alerts.Commit(watermark, watermark, [], [digest], now)) continue;
            count++;
            Logger.LogDebug("subscription {SubscriptionId}: digest of {Articles} queued for {Due:u}", sub.Id, Counted.Of(waiting.Count, "article"), due);
        }
        return count;
    }
}
