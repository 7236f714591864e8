using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using NewsBrief.Bot.Alerts;
using NewsBrief.Bot.Briefing;
using NewsBrief.Bot.Configuration;
using NewsBrief.Bot.Deliveries;
using NewsBrief.Discord;
using NewsBrief.Bot.Events;
using NewsBrief.Bot.Schedules;
using NewsBrief.Bot.Sources;
using NewsBrief.Core.Configuration;
using NewsBrief.Core.Query;
using NewsBrief.Core.Storage;
using NewsBrief.Core.Telemetry;
using NewsBrief.Scrapers.Fetching;
using NewsBrief.Scrapers.Refresh;
using NewsBrief.Summariser.Briefing;
using NewsBrief.Summariser.Events;
using NewsBrief.Summariser.Extractive;
using NewsBrief.Summariser.Llm;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using NewsBrief.Scrapers;
using NewsBrief.Summariser;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace NewsBrief.Bot.Composition;

/// <summary>
/// The one composition root: every command's services, registered from the loaded configuration.
/// <c>run</c> adds its hosted services on top (<c>AddNewsBriefService</c> in Hosting).
/// </summary>
public static class NewsBriefServiceCollectionExtensions
{
    /// <summary>The HttpClient of webhook deliveries (no redirects, no cookies).</summary>
    public const string WebhookClient = "webhook";

    public static IServiceCollection AddNewsBrief(this IServiceCollection services, AppConfiguration config, TimeProvider time, ConsoleOutput console)
    {
        services.AddSingleton(config);
        services.AddSingleton(time);
        services.AddSingleton(console);
        services.AddSingleton(_ => new SourceRegistry(config.ConfigDirectory, config.Sources));
        services.AddSingleton(sp => NewsBriefDatabase.Open(sp.GetRequiredService<StorageOptions>(), config.DataDirectory));
        AddOptions(services, config);
        AddTelemetry(services, config);
        AddStores(services);
        AddPipeline(services, config);
        AddAlerting(services, config);
        services.AddSingleton<AppServices>();
        services.AddSingleton<AlertServices>();
        return services;
    }

    /// <summary>
    /// The bot's sections, each bound and validated at start-up (<see cref="ValidatedOptions"/>); the scrapers'
    /// and summariser's come with <c>AddScrapers</c> and <c>AddSummariser</c>.
    /// </summary>
    private static void AddOptions(IServiceCollection services, AppConfiguration config)
    {
        var root = config.Root;
        services.AddValidatedOptions<StorageOptions>(root, StorageOptions.SectionName);
        services.AddSingleton<IValidateOptions<StorageOptions>>(new StorageOptionsValidator(root));
        services.AddValidatedOptions<BriefOptions>(root, BriefOptions.SectionName);
        services.AddSingleton<IValidateOptions<BriefOptions>, BriefOptionsValidator>();
        services.AddValidatedOptions<ServiceOptions>(root, ServiceOptions.SectionName);
        services.AddValidatedOptions<TelemetryOptions>(root, TelemetryOptions.SectionName);
        services.AddValidatedOptions<AlertOptions>(root, AlertOptions.SectionName);
        services.AddValidatedOptions<DeliveryOptions>(root, DeliveryOptions.SectionName);
        services.AddValidatedOptions<ScheduleOptions>(root, ScheduleOptions.SectionName);
        services.AddValidatedOptions<SlackOptions>(root, SlackOptions.SectionName);
        services.AddValidatedOptions<SmtpOptions>(root, SmtpOptions.SectionName);
        services.AddSingleton<IValidateOptions<SmtpOptions>, SmtpOptionsValidator>();
        // Validated only where a token turns Discord on (run answers there, doctor checks the token).
        if (DiscordServiceCollectionExtensions.IsDiscordConfigured(root)) services.AddDiscordOptions(root);
        services.AddWebOptions(root);
    }

    /// <summary>
    /// <see cref="NewsBriefMetrics"/> for every project to record through, and OpenTelemetry over its meter
    /// and activity source; the OTLP exporter when Telemetry:OtlpEndpoint (or OTEL_EXPORTER_OTLP_ENDPOINT) names a collector.
    /// </summary>
    private static void AddTelemetry(IServiceCollection services, AppConfiguration config)
    {
        // Read here, before the host exists, to choose the exporters; the same section is validated at start-up.
        TelemetryOptions telemetry;
        try { telemetry = config.Root.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions(); }
        catch (InvalidOperationException) { telemetry = new TelemetryOptions(); } // start-up validation names the bad key
        services.AddMetrics();
        services.AddSingleton(sp =>
        {
            var metrics = new NewsBriefMetrics(sp.GetService<IMeterFactory>());
            metrics.ObserveOutboxWith(() => sp.GetRequiredService<DeliveryStore>().PendingCount());
            return metrics;
        });
        var otlp = telemetry.OtlpEndpoint ?? (Uri.TryCreate(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT"), UriKind.Absolute, out var env) ? env : null);
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(string.IsNullOrWhiteSpace(telemetry.ServiceName) ? "newsbrief" : telemetry.ServiceName)) // a blank name is reported by start-up validation
            .WithMetrics(m =>
            {
                m.AddMeter(NewsBriefMetrics.MeterName);
                if (otlp is not null) m.AddOtlpExporter(o => o.Endpoint = otlp);
            })
            .WithTracing(t =>
            {
                t.AddSource(NewsBriefMetrics.ActivitySourceName);
                if (otlp is not null) t.AddOtlpExporter(o => o.Endpoint = otlp);
            });
    }

    private static void AddStores(IServiceCollection services)
    {
        services.AddSingleton<ArticleStore>();
        services.AddSingleton<StoryStore>();
        services.AddSingleton<SourceStateStore>();
        services.AddSingleton<BriefStore>();
        services.AddSingleton<SubscriptionStore>();
        services.AddSingleton<AlertStore>();
        services.AddSingleton<DeliveryStore>();
        services.AddSingleton<ScheduleStore>();
        services.AddSingleton<EventStore>();
        services.AddSingleton<LeaseStore>();
        // One identity per process: every lease and claim this worker takes carries it.
        services.AddSingleton(_ => WorkerIdentity.Create());
        services.AddSingleton<WorkerLeases>();
    }

    private static void AddPipeline(IServiceCollection services, AppConfiguration config)
    {
        services.AddSingleton(_ => new TopicClassifier(config.Topics));
        services.AddScrapers(config.Root, sp => articles => sp.GetRequiredService<EventIndexer>().Index(articles));
        services.AddSummariser(config.Root);
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<SummariserOptions>();
            return new EventIndexer(sp.GetRequiredService<EventStore>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<EventIndexer>>(),
                options is { UsesModel: true, ProposeEvents: true }
                    ? new ModelEventProposer(sp.GetRequiredService<Kernel>(), options, sp.GetRequiredService<TimeProvider>())
                    : null);
        });
        services.AddSingleton<EventQuery>();
        services.AddSingleton<ISummaryCache>(sp => new StoredSummaryCache(new SummaryCacheStore(sp.GetRequiredService<NewsBriefDatabase>()), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<SummariserOptions>();
            return new StorySummariserFactory(options, sp.GetRequiredService<ExtractiveStorySummariser>(),
                options.UsesModel ? sp.GetRequiredService<Kernel>() : null, options.UsesModel ? sp.GetRequiredService<ISummaryCache>() : null,
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<NewsBriefMetrics>(), sp.GetRequiredService<ILogger<LlmStorySummariser>>());
        });
        services.AddSingleton(sp =>
        {
            var time = sp.GetRequiredService<TimeProvider>();
            var summarisers = sp.GetRequiredService<StorySummariserFactory>();
            return new BriefService(config, sp.GetRequiredService<BriefOptions>(), sp.GetRequiredService<SummariserOptions>(), sp.GetRequiredService<SourceRegistry>(),
                sp.GetRequiredService<StoryStore>(), sp.GetRequiredService<BriefStore>(), sp.GetRequiredService<TopicClassifier>(),
                () => new BriefComposer(BriefKernel.Create(summarisers.Create()), time), time)
            {
                Metrics = sp.GetRequiredService<NewsBriefMetrics>(),
                Events = sp.GetRequiredService<EventQuery>(),
            };
        });
    }

    private static void AddAlerting(IServiceCollection services, AppConfiguration config)
    {
        services.AddSingleton(_ => DefaultBriefDestination.From(config.Root));
        // The sources in force, also those added at runtime.
        services.AddSingleton(sp => new AlertComposer(() => sp.GetRequiredService<SourceRegistry>().Current, sp.GetRequiredService<StoryStore>()));
        services.AddSingleton(sp => new ScheduleRunner(sp.GetRequiredService<ScheduleStore>(), sp.GetRequiredService<BriefService>(), sp.GetRequiredService<BriefOptions>(),
            sp.GetRequiredService<ScheduleOptions>(), sp.GetRequiredService<TimeProvider>())
        {
            Leases = sp.GetRequiredService<WorkerLeases>(),
        });
        services.AddSingleton(sp => new AlertScanner(sp.GetRequiredService<ArticleStore>(), sp.GetRequiredService<SubscriptionStore>(), sp.GetRequiredService<AlertStore>(),
            sp.GetRequiredService<AlertComposer>(), sp.GetRequiredService<AlertOptions>(), sp.GetRequiredService<BriefOptions>().Zone(), sp.GetRequiredService<TimeProvider>())
        {
            Metrics = sp.GetRequiredService<NewsBriefMetrics>(),
            Leases = sp.GetRequiredService<WorkerLeases>(),
            Logger = sp.GetRequiredService<ILogger<AlertScanner>>(),
        });
        services.AddSingleton(sp => new SourceHealthNotices(sp.GetRequiredService<DeliveryStore>(), sp.GetRequiredService<SourceStateStore>(),
            sp.GetRequiredService<DefaultBriefDestination>().Destination));
        // A webhook POST is not repeated on a redirect; the receiver must give its final URL.
        services.AddKeyedSingleton(WebhookClient, (_, _) => new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, ConnectTimeout = TimeSpan.FromSeconds(10) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        });
        // First match wins: a Discord webhook URL gets Discord's message format, other webhooks the generic JSON.
        // Senders registered after these (Discord channels in run) handle destinations none of these take.
        services.AddSingleton<IDeliverySender>(sp => new ConsoleSender(sp.GetRequiredService<ConsoleOutput>().Writer, sp.GetRequiredService<ConsoleOutput>().Json));
        services.AddSingleton<IDeliverySender>(sp => new DiscordWebhookSender(sp.GetRequiredKeyedService<HttpClient>(WebhookClient)));
        services.AddSingleton<IDeliverySender>(sp => new WebhookSender(sp.GetRequiredKeyedService<HttpClient>(WebhookClient), sp.GetRequiredService<DeliveryOptions>().WebhookTimeout, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IDeliverySender>(sp => new SlackSender(sp.GetRequiredKeyedService<HttpClient>(WebhookClient), sp.GetRequiredService<SlackOptions>(),
            sp.GetRequiredService<DeliveryOptions>().WebhookTimeout, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IDeliverySender>(sp => new TeamsSender(sp.GetRequiredKeyedService<HttpClient>(WebhookClient), sp.GetRequiredService<DeliveryOptions>().WebhookTimeout, sp.GetRequiredService<TimeProvider>()));
        AddEmail(services, config);
    }

    /// <summary>E-mail destinations wait (pending, the reason shown in 'deliveries') until Smtp:Host is set.</summary>
    private static void AddEmail(IServiceCollection services, AppConfiguration config)
    {
        if (!string.IsNullOrWhiteSpace(config.Root[$"{SmtpOptions.SectionName}:{nameof(SmtpOptions.Host)}"]))
            services.AddSingleton<IDeliverySender>(sp => new EmailSender(sp.GetRequiredService<SmtpOptions>()));
    }
}
