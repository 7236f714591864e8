using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using NewsBrief.Bot.Alerts;
using NewsBrief.Bot.Briefing;
using NewsBrief.Bot.Configuration;
using NewsBrief.Bot.Deliveries;
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
using NewsBrief.Summariser.Extractive;
using NewsBrief.Summariser.Llm;
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
    /// <summary>The HttpClient of fetches (the fetcher's handler: size limits, private-address guard).</summary>
    public const string FetchClient = "fetch";
    /// <summary>The HttpClient of webhook deliveries (no redirects, no cookies).</summary>
    public const string WebhookClient = "webhook";

    public static IServiceCollection AddNewsBrief(this IServiceCollection services, AppConfiguration config, TimeProvider time, ConsoleOutput console)
    {
        services.AddSingleton(config);
        services.AddSingleton(time);
        services.AddSingleton(console);
        services.AddSingleton(_ => new SourceRegistry(config.ConfigDirectory, config.Sources));
        services.AddSingleton(_ => NewsBriefDatabase.Open(config.Storage, config.DataDirectory));
        AddTelemetry(services, config);
        AddStores(services);
        AddPipeline(services, config);
        AddAlerting(services, config);
        services.AddSingleton<AppServices>();
        services.AddSingleton<AlertServices>();
        return services;
    }

    /// <summary>
    /// <see cref="NewsBriefMetrics"/> for every project to record through, and OpenTelemetry over its meter
    /// and activity source; the OTLP exporter when Telemetry:OtlpEndpoint (or OTEL_EXPORTER_OTLP_ENDPOINT) names a collector.
    /// </summary>
    private static void AddTelemetry(IServiceCollection services, AppConfiguration config)
    {
        var telemetry = AppConfiguration.Bind<TelemetryOptions>(config.Root, TelemetryOptions.SectionName);
        services.AddSingleton(telemetry);
        services.AddMetrics();
        services.AddSingleton(sp =>
        {
            var metrics = new NewsBriefMetrics(sp.GetService<IMeterFactory>());
            metrics.ObserveOutboxWith(() => sp.GetRequiredService<DeliveryStore>().PendingCount());
            return metrics;
        });
        var otlp = telemetry.OtlpEndpoint ?? (Uri.TryCreate(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT"), UriKind.Absolute, out var env) ? env : null);
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(telemetry.ServiceName))
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
        // The fetcher enforces its own per-request timeout; HttpClient's must not cut in first.
        services.AddKeyedSingleton(FetchClient, (_, _) => new HttpClient(HttpFetcher.CreateHandler(config.Fetch)) { Timeout = Timeout.InfiniteTimeSpan });
        services.AddSingleton(sp => new HttpFetcher(sp.GetRequiredKeyedService<HttpClient>(FetchClient), config.Fetch, sp.GetRequiredService<TimeProvider>())
        {
            Logger = sp.GetRequiredService<ILogger<HttpFetcher>>(),
        });
        services.AddSingleton(_ => AppConfiguration.Bind<StoryOptions>(config.Root, StoryOptions.SectionName));
        services.AddSingleton(_ => new TopicClassifier(config.Topics));
        services.AddSingleton(sp => new StoryAssigner(sp.GetRequiredService<StoryStore>(), sp.GetRequiredService<StoryOptions>().Clusterer(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<TopicClassifier>()));
        services.AddSingleton(sp => new RefreshPipeline(sp.GetRequiredService<HttpFetcher>(), sp.GetRequiredService<ArticleStore>(),
            sp.GetRequiredService<SourceStateStore>(), config.Fetch, sp.GetRequiredService<TimeProvider>(), stories: sp.GetRequiredService<StoryAssigner>())
        {
            Metrics = sp.GetRequiredService<NewsBriefMetrics>(),
            AfterInsert = articles => sp.GetRequiredService<EventIndexer>().Index(articles),
            Logger = sp.GetRequiredService<ILogger<RefreshPipeline>>(),
        });
        services.AddSingleton<EventIndexer>();
        services.AddSingleton<EventQuery>();
        services.AddSingleton(_ => new ExtractiveStorySummariser(new ExtractiveSummariser()));
        if (config.Summariser.UsesModel)
        {
            services.AddSingleton(_ => SummariserKernelFactory.Create(config.Summariser));
            services.AddSingleton<ISummaryCache>(sp => new StoredSummaryCache(new SummaryCacheStore(sp.GetRequiredService<NewsBriefDatabase>()), sp.GetRequiredService<TimeProvider>()));
        }
        services.AddSingleton(sp => new StorySummariserFactory(config.Summariser, sp.GetRequiredService<ExtractiveStorySummariser>(),
            sp.GetService<Kernel>(), sp.GetService<ISummaryCache>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<NewsBriefMetrics>()));
        services.AddSingleton(sp =>
        {
            var time = sp.GetRequiredService<TimeProvider>();
            var summarisers = sp.GetRequiredService<StorySummariserFactory>();
            return new BriefService(config, sp.GetRequiredService<SourceRegistry>(), sp.GetRequiredService<StoryStore>(), sp.GetRequiredService<BriefStore>(),
                sp.GetRequiredService<TopicClassifier>(),
                () => new BriefComposer(BriefKernel.Create(summarisers.Create()), time), time)
            {
                Metrics = sp.GetRequiredService<NewsBriefMetrics>(),
                Events = sp.GetRequiredService<EventQuery>(),
            };
        });
    }

    private static void AddAlerting(IServiceCollection services, AppConfiguration config)
    {
        services.AddSingleton(_ => AppConfiguration.Bind<AlertOptions>(config.Root, AlertOptions.SectionName));
        services.AddSingleton(_ => AppConfiguration.Bind<DeliveryOptions>(config.Root, DeliveryOptions.SectionName));
        services.AddSingleton(_ => AppConfiguration.Bind<ScheduleOptions>(config.Root, ScheduleOptions.SectionName));
        services.AddSingleton(_ => DefaultBriefDestination.From(config.Root));
        // The sources in force, also those added at runtime.
        services.AddSingleton(sp => new AlertComposer(() => sp.GetRequiredService<SourceRegistry>().Current, sp.GetRequiredService<StoryStore>()));
        services.AddSingleton(sp => new ScheduleRunner(sp.GetRequiredService<ScheduleStore>(), sp.GetRequiredService<BriefService>(), config.Brief,
            sp.GetRequiredService<ScheduleOptions>(), sp.GetRequiredService<TimeProvider>())
        {
            Leases = sp.GetRequiredService<WorkerLeases>(),
        });
        services.AddSingleton(sp => new AlertScanner(sp.GetRequiredService<ArticleStore>(), sp.GetRequiredService<SubscriptionStore>(), sp.GetRequiredService<AlertStore>(),
            sp.GetRequiredService<AlertComposer>(), sp.GetRequiredService<AlertOptions>(), config.BriefTimeZone, sp.GetRequiredService<TimeProvider>())
        {
            Metrics = sp.GetRequiredService<NewsBriefMetrics>(),
            Leases = sp.GetRequiredService<WorkerLeases>(),
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
        services.AddSingleton<IDeliverySender>(sp => new WebhookSender(sp.GetRequiredKeyedService<HttpClient>(WebhookClient), sp.GetRequiredService<DeliveryOptions>().WebhookTimeout));
        services.AddSingleton(_ => AppConfiguration.Bind<SlackOptions>(config.Root, SlackOptions.SectionName));
        services.AddSingleton<IDeliverySender>(sp => new SlackSender(sp.GetRequiredKeyedService<HttpClient>(WebhookClient), sp.GetRequiredService<SlackOptions>(),
            sp.GetRequiredService<DeliveryOptions>().WebhookTimeout));
        services.AddSingleton<IDeliverySender>(sp => new TeamsSender(sp.GetRequiredKeyedService<HttpClient>(WebhookClient), sp.GetRequiredService<DeliveryOptions>().WebhookTimeout));
        AddEmail(services, config);
    }

    /// <summary>E-mail destinations wait (pending, the reason shown in 'deliveries') until Smtp:Host is set.</summary>
    private static void AddEmail(IServiceCollection services, AppConfiguration config)
    {
        var smtp = AppConfiguration.Bind<SmtpOptions>(config.Root, SmtpOptions.SectionName);
        if (smtp.Validate() is [var error, ..])
            throw new ConfigurationException(AppConfiguration.AppSettingsFile, error.Split(' ')[0], error);
        services.AddSingleton(smtp);
        if (smtp.Enabled) services.AddSingleton<IDeliverySender>(_ => new EmailSender(smtp));
    }
}
