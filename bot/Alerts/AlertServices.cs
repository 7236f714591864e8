using NewsBrief.Bot.Composition;
using NewsBrief.Bot.Deliveries;
using NewsBrief.Bot.Schedules;
using NewsBrief.Core.Configuration;
using NewsBrief.Core.Storage;

namespace NewsBrief.Bot.Alerts;

/// <summary>
/// The composition of alerts, schedules and the outbox on top of <see cref="AppServices"/>: the stores,
/// the scanner, and a dispatcher whose console sender writes to the given writer (text or JSON lines).
/// Further senders (Discord) are passed in.
/// </summary>
public sealed class AlertServices : IDisposable
{
    private readonly HttpClient _http;

    public AlertServices(AppServices services, TextWriter console, bool jsonConsole, IEnumerable<IDeliverySender>? moreSenders = null)
    {
        var config = services.Config;
        Options = AppConfiguration.Bind<AlertOptions>(config.Root, AlertOptions.SectionName);
        DeliveryOptions = AppConfiguration.Bind<DeliveryOptions>(config.Root, DeliveryOptions.SectionName);
        ScheduleOptions = AppConfiguration.Bind<ScheduleOptions>(config.Root, ScheduleOptions.SectionName);
        Smtp = AppConfiguration.Bind<SmtpOptions>(config.Root, SmtpOptions.SectionName);
        if (Smtp.Validate() is [var smtpError, ..])
            throw new ConfigurationException(AppConfiguration.AppSettingsFile, smtpError.Split(' ')[0], smtpError);
        Subscriptions = new SubscriptionStore(services.Database);
        Alerts = new AlertStore(services.Database);
        Deliveries = new DeliveryStore(services.Database);
        Schedules = new ScheduleStore(services.Database);
        Composer = new AlertComposer(() => services.Sources.Current); // the sources in force, also those added at runtime
        ScheduleRunner = new ScheduleRunner(Schedules, services.BriefService, config.Brief, ScheduleOptions, services.Time);
        Scanner = new AlertScanner(services.Articles, Subscriptions, Alerts, Composer, Options, config.BriefTimeZone, services.Time);
        // A webhook POST is not repeated on a redirect; the receiver must give its final URL.
        _http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, ConnectTimeout = TimeSpan.FromSeconds(10) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        // First match wins: a Discord webhook URL gets Discord's message format, other webhooks the generic JSON.
        var senders = new List<IDeliverySender>([.. moreSenders ?? [], new ConsoleSender(console, jsonConsole), new DiscordWebhookSender(_http), new WebhookSender(_http, DeliveryOptions.WebhookTimeout)]);
        // E-mail destinations wait (pending, named in 'deliveries') until Smtp:Host is set.
        if (Smtp.Enabled) senders.Add(new EmailSender(Smtp));
        Senders = senders;
        DefaultBriefDestination = config.Root["Discord:WebhookUrl"] is { Length: > 0 } hook ? "webhook:" + hook : "console";
        SourceNotices = new SourceHealthNotices(Deliveries, services.SourceStates, DefaultBriefDestination);
        Dispatcher = new DeliveryDispatcher(Deliveries, senders, DeliveryOptions, services.Time)
        {
            AfterSent = TestCrashHook.FromEnvironment(),
            QuietUntil = QuietDestinations,
        };
    }

    public AlertOptions Options { get; }
    public SmtpOptions Smtp { get; }
    /// <summary>Every configured sender, first match wins.</summary>
    public IReadOnlyList<IDeliverySender> Senders { get; }
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

    public void Dispose() => _http.Dispose();
}
