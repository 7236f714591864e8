using Microsoft.Extensions.Logging;
using NewsBrief.Bot.Alerts;
using NewsBrief.Bot.Deliveries;
using NewsBrief.Bot.Schedules;
using NewsBrief.Core.Storage;
using NewsBrief.Core.Telemetry;
using NewsBrief.Bot.Configuration;

namespace NewsBrief.Bot.Composition;

/// <summary>
/// The alert, schedule and outbox services a command uses, as
/// <see cref="NewsBriefServiceCollectionExtensions.AddNewsBrief"/> registered them. Owns nothing; the host disposes.
/// </summary>
public sealed class AlertServices
{
    public AlertServices(
        AlertOptions options, DeliveryOptions deliveryOptions, ScheduleOptions scheduleOptions, DefaultBriefDestination defaultBrief,
        SubscriptionStore subscriptions, AlertStore alerts, DeliveryStore deliveries, ScheduleStore schedules,
        AlertComposer composer, ScheduleRunner scheduleRunner, AlertScanner scanner, SourceHealthNotices sourceNotices,
        IEnumerable<IDeliverySender> senders, TimeProvider time, NewsBriefMetrics metrics, ILogger<DeliveryDispatcher> dispatcherLogger)
    {
        Options = options;
        DeliveryOptions = deliveryOptions;
        ScheduleOptions = scheduleOptions;
        DefaultBriefDestination = defaultBrief.Destination;
        Subscriptions = subscriptions;
        Alerts = alerts;
        Deliveries = deliveries;
        Schedules = schedules;
        Composer = composer;
        ScheduleRunner = scheduleRunner;
        Scanner = scanner;
        SourceNotices = sourceNotices;
        Dispatcher = new DeliveryDispatcher(Deliveries, [.. senders], DeliveryOptions, time)
        {
            QuietUntil = QuietDestinations,
            Metrics = metrics,
            Logger = dispatcherLogger,
        };
    }

    public AlertOptions Options { get; }
    /// <summary>Where the daily brief of Brief:DailyTime goes: the Discord webhook when Discord:WebhookUrl is set, else the console.</summary>
    public string DefaultBriefDestination { get; }
    /// <summary>Tells the default destination when a source keeps failing.</summary>
    public SourceHealthNotices SourceNotices { get; }
    public DeliveryOptions DeliveryOptions { get; }
    public ScheduleOptions ScheduleOptions { get; }
    public ScheduleRunner ScheduleRunner { get; }
    public SubscriptionStore Subscriptions { get; }
    public AlertStore Alerts { get; }
    public DeliveryStore Deliveries { get; }
    public ScheduleStore Schedules { get; }
    public AlertComposer Composer { get; }
    public AlertScanner Scanner { get; }
    public DeliveryDispatcher Dispatcher { get; }

    /// <summary>Queues what the newly stored articles trigger, then sends what is due.</summary>
    public async Task<(AlertScanReport Scan, DispatchReport Dispatch)> ScanAndSendAsync(CancellationToken cancellationToken)
    {
        var scan = Scanner.Scan();
        var dispatch = await Dispatcher.SendDueAsync(cancellationToken);
        return (scan, dispatch);
    }

    /// <summary>The destinations whose schedule's quiet hours hold them at <paramref name="now"/>, with when they end.</summary>
    private IReadOnlyDictionary<string, DateTimeOffset> QuietDestinations(DateTimeOffset now)
    {
        var quiet = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var schedule in Schedules.List())
        {
            if (!QuietHours.TryParse(schedule.QuietHours, out var hours)) continue;
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(schedule.TimeZone, out var zone)) continue;
            if (hours.EndIfQuiet(now, zone) is { } end) quiet[schedule.Destination] = end;
        }
        return quiet;
    }
}
