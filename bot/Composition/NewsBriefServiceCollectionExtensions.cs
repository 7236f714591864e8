using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using NewsBrief.Bot.Alerts;
using NewsBrief.Bot.Briefing;
using NewsBrief.Bot.Configuration;
using NewsBrief.Bot.Deliveries;
using NewsBrief.Bot.Schedules;
using NewsBrief.Bot.Sources;
using NewsBrief.Core.Configuration;
using NewsBrief.Core.Storage;
using NewsBrief.Scrapers.Fetching;
using NewsBrief.Scrapers.Refresh;
using NewsBrief.Summariser.Briefing;
using NewsBrief.Summariser.Extractive;
using NewsBrief.Summariser.Llm;

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
        services.AddSingleton(_ => NewsBriefDatabase.Open(config.DataDirectory));
        AddStores(services);
        AddPipeline(services, config);
        AddAlerting(services, config);
        services.AddSingleton<AppServices>();
        services.AddSingleton<AlertServices>();
        return services;
    }

    private static void AddStores(IServiceCollection services)
    {
        services.AddSingleton<ArticleStore>();
        services.AddSingleton<SourceStateStore>();
        services.AddSingleton<BriefStore>();
        services.AddSingleton<SubscriptionStore>();
        services.AddSingleton<AlertStore>();
        services.AddSingleton<DeliveryStore>();
        services.AddSingleton<ScheduleStore>();
    }

    private static void AddPipeline(IServiceCollection services, AppConfiguration config)
    {
        // The fetcher enforces its own per-request timeout; HttpClient's must not cut in first.
        services.AddKeyedSingleton(FetchClient, (_, _) => new HttpClient(HttpFetcher.CreateHandler(config.Fetch)) { Timeout = Timeout.InfiniteTimeSpan });
        services.AddSingleton(sp => new HttpFetcher(sp.GetRequiredKeyedService<HttpClient>(FetchClient), config.Fetch, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new RefreshPipeline(sp.GetRequiredService<HttpFetcher>(), sp.GetRequiredService<ArticleStore>(),
            sp.GetRequiredService<SourceStateStore>(), config.Fetch, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(_ => new ExtractiveStorySummariser(new ExtractiveSummariser()));
        if (config.Summariser.UsesModel)
        {
            services.AddSingleton(_ => SummariserKernelFactory.Create(config.Summariser));
            services.AddSingleton<ISummaryCache>(sp => new SqliteSummaryCache(sp.GetRequiredService<NewsBriefDatabase>().Connect, sp.GetRequiredService<TimeProvider>()));
        }
        services.AddSingleton(sp => new StorySummariserFactory(config.Summariser, sp.GetRequiredService<ExtractiveStorySummariser>(),
            sp.GetService<Kernel>(), sp.GetService<ISummaryCache>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp =>
        {
            var time = sp.GetRequiredService<TimeProvider>();
            var summarisers = sp.GetRequiredService<StorySummariserFactory>();
            return new BriefService(config, sp.GetRequiredService<SourceRegistry>(), sp.GetRequiredService<ArticleStore>(), sp.GetRequiredService<BriefStore>(),
                () => new BriefComposer(BriefKernel.Create(summarisers.Create()), time), time);
        });
    }

    private static void AddAlerting(IServiceCollection services, AppConfiguration config)
    {
        services.AddSingleton(_ => AppConfiguration.Bind<AlertOptions>(config.Root, AlertOptions.SectionName));
        services.AddSingleton(_ => AppConfiguration.Bind<DeliveryOptions>(config.Root, DeliveryOptions.SectionName));
        services.AddSingleton(_ => AppConfiguration.Bind<ScheduleOptions>(config.Root, ScheduleOptions.SectionName));
        services.AddSingleton(_ => DefaultBriefDestination.From(config.Root));
        // The sources in force, also those added at runtime.
        services.AddSingleton(sp => new AlertComposer(() => sp.GetRequiredService<SourceRegistry>().Current));
        services.AddSingleton(sp => new ScheduleRunner(sp.GetRequiredService<ScheduleStore>(), sp.GetRequiredService<BriefService>(), config.Brief,
            sp.GetRequiredService<ScheduleOptions>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new AlertScanner(sp.GetRequiredService<ArticleStore>(), sp.GetRequiredService<SubscriptionStore>(), sp.GetRequiredService<AlertStore>(),
            sp.GetRequiredService<AlertComposer>(), sp.GetRequiredService<AlertOptions>(), config.BriefTimeZone, sp.GetRequiredService<TimeProvider>()));
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
