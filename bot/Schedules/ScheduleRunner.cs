using NewsBrief.Bot.Briefing;
using NewsBrief.Core.Domain;
using NewsBrief.Core.Storage;
using NewsBrief.Bot.Configuration;
using NewsBrief.Core.Text;

namespace NewsBrief.Bot.Schedules;

/// <summary>What one check of the schedules did, per schedule: the occurrence briefed or skipped.</summary>
public sealed record ScheduleRun(BriefSchedule Schedule, DateTimeOffset? Occurrence, bool Skipped, string? Error = null);

/// <summary>
/// Queues scheduled briefs: for each schedule with an occurrence due (within the catch-up window), composes
/// the brief and writes its outbox row together with the occurrence, so each occurrence is briefed at most
/// once, across restarts. Sending is the dispatcher's job.
/// </summary>
public sealed class ScheduleRunner(ScheduleStore schedules, BriefService briefs, BriefOptions briefOptions, ScheduleOptions options, TimeProvider time)
{
    public const string ConfigOrigin = "config";

    /// <summary>The daily schedule of <c>Brief:DailyTime</c> in <c>Brief:TimeZone</c> to the default destination (the console, or Discord:WebhookUrl), unless a user set one there.</summary>
    public BriefSchedule EnsureDefault(string destination = "console")
    {
        var parts = briefOptions.DailyTime.Split(':');
        return schedules.Set(new BriefSchedule
        {
            Destination = destination,
            Cron = $"{int.Parse(parts[1])} {int.Parse(parts[0])} * * *",
            TimeZone = briefOptions.TimeZone,
            Origin = ConfigOrigin,
            Created = time.GetUtcNow(),
        });
    }

    /// <summary>
    /// The leases of the workers sharing the store: when set, the due briefs are composed only while this worker
    /// holds <see cref="WorkerLeases.Schedules"/>, so two workers do not both compose (and pay a model for) a brief
    /// only one of them may queue. That an occurrence is queued once rests on the store (see <see cref="ScheduleStore.QueueOccurrence"/>).
    /// </summary>
    public WorkerLeases? Leases { get; init; }

    /// <summary>How long the schedules lease lasts without a renewal; renewed every 10 s on the clock while briefs are composed.</summary>
    public static readonly TimeSpan ScheduleLease = TimeSpan.FromSeconds(30);

    public async Task<IReadOnlyList<ScheduleRun>> RunDueAsync(CancellationToken cancellationToken)
    {
        if (Leases is null) return await RunDueHeldAsync(cancellationToken);
        IReadOnlyList<ScheduleRun> runs = [];
        await Leases.RunHoldingAsync(WorkerLeases.Schedules, ScheduleLease, async () => runs = await RunDueHeldAsync(cancellationToken));
        return runs;
    }

    private async Task<IReadOnlyList<ScheduleRun>> RunDueHeldAsync(CancellationToken cancellationToken)
    {
        var runs = new List<ScheduleRun>();
        foreach (var schedule in schedules.List())
        {
            try
            {
                if (await RunOneAsync(schedule, cancellationToken) is { } run) runs.Add(run);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One broken schedule never holds up the others.
                runs.Add(new ScheduleRun(schedule, null, Skipped: false, Error: $"{e.GetType().Name}: {e.Message}"));
            }
        }
        return runs;
    }

    private async Task<ScheduleRun?> RunOneAsync(BriefSchedule schedule, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZone);
        var decision = ScheduleCalendar.Decide(schedule.Cron, zone, schedule.LastOccurrence ?? schedule.Created, now, options.CatchUpWindow);
        if (decision.Skip is { } missed)
            return schedules.QueueOccurrence(schedule.Id, missed, null) ? new ScheduleRun(schedule, missed, Skipped: true) : null;
        if (decision.Run is not { } due) return null;
        var delivery = await ComposeAsync(schedule, due, now, cancellationToken);
        return schedules.QueueOccurrence(schedule.Id, due, delivery) ? new ScheduleRun(schedule, due, Skipped: false) : null;
    }

    private async Task<Delivery> ComposeAsync(BriefSchedule schedule, DateTimeOffset due, DateTimeOffset now, CancellationToken ct)
    {
        // The window reaches back to the previous brief (a Monday brief covers the weekend), at least the default window, at most a week.
        var since = now - (schedule.LastOccurrence ?? now - briefOptions.DefaultWindow);
        var window = since < briefOptions.DefaultWindow ? briefOptions.DefaultWindow : since > TimeSpan.FromDays(7) ? TimeSpan.FromDays(7) : since;
        var scopes = schedule.Topics.Count == 0 ? [BriefScope.All] : schedule.Topics.Select(t => new BriefScope(Topic: t)).ToList();
        var documents = new List<string>();
        var stories = new List<string>();
        foreach (var scope in scopes)
        {
            var (brief, document) = await briefs.CreateDocumentedAsync(window, scope, newOnly: false, ct);
            documents.Add(document);
            stories.AddRange(brief.Stories.Select(s => s.Story.Headline));
        }
        // The row carries the recorded document(s) as they are; each platform renders its message from them when sending.
        return new Delivery
        {
            Destination = schedule.Destination,
            Kind = "brief",
            IdempotencyKey = $"brief:{schedule.Id}:{due.ToUnixTimeMilliseconds()}",
            Payload = documents.Count == 1 ? documents[0] : "[" + string.Join(",", documents) + "]",
            Text = stories.Count == 0 ? "Brief: no stories" : $"Brief: {Counted.Of(stories.Count, "story", "stories")}; top: {stories[0]}",
            Created = now,
        };
    }
}
