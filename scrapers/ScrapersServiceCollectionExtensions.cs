using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsBrief.Core.Configuration;
using NewsBrief.Core.Domain;
using NewsBrief.Core.Query;
using NewsBrief.Core.Storage;
using NewsBrief.Core.Telemetry;
using NewsBrief.Scrapers.Dedup;
using NewsBrief.Scrapers.Fetching;
using NewsBrief.Scrapers.Refresh;

namespace NewsBrief.Scrapers;

/// <summary>
/// The scrapers' part of the composition root: the <c>Fetch</c> and <c>Stories</c> options (validated at
/// start-up), the fetcher and its HttpClient, story assignment and the refresh pipeline. The stores, the
/// clock, <see cref="TopicClassifier"/> and <see cref="NewsBriefMetrics"/> come from the caller's services.
/// </summary>
public static class ScrapersServiceCollectionExtensions
{
    /// <summary>The HttpClient of fetches (the fetcher's handler: size limits, private-address guard, proxy).</summary>
    public const string FetchClient = "fetch";

    /// <param name="afterInsert">Called with the articles each source's poll stored (e.g. event extraction); optional.</param>
    public static IServiceCollection AddScrapers(this IServiceCollection services, IConfiguration configuration,
        Func<IServiceProvider, Action<IReadOnlyList<Article>>>? afterInsert = null)
    {
        services.AddValidatedOptions<FetchOptions>(configuration, FetchOptions.SectionName);
        services.AddValidatedOptions<StoryOptions>(configuration, StoryOptions.SectionName);
        // The fetcher enforces its own per-request timeout; HttpClient's must not cut in first.
        services.AddKeyedSingleton(FetchClient, (sp, _) => new HttpClient(HttpFetcher.CreateHandler(sp.GetRequiredService<FetchOptions>())) { Timeout = Timeout.InfiniteTimeSpan });
        services.AddSingleton(sp => new HttpFetcher(sp.GetRequiredKeyedService<HttpClient>(FetchClient), sp.GetRequiredService<FetchOptions>(), sp.GetRequiredService<TimeProvider>())
        {
            Logger = sp.GetRequiredService<ILogger<HttpFetcher>>(),
        });
        // Creating the embedder is cheap: it loads its model at the first encode, and only Stories:Embeddings asks for it.
        services.AddSingleton<SentenceEmbedder>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<StoryOptions>();
            return new StoryAssigner(sp.GetRequiredService<StoryStore>(), options.Clusterer(), sp.GetRequiredService<TimeProvider>(), sp.GetService<TopicClassifier>(),
                options.Embeddings ? sp.GetRequiredService<SentenceEmbedder>() : null);
        });
        services.AddSingleton(sp => new RefreshPipeline(sp.GetRequiredService<HttpFetcher>(), sp.GetRequiredService<ArticleStore>(),
            sp.GetRequiredService<SourceStateStore>(), sp.GetRequiredService<FetchOptions>(), sp.GetRequiredService<TimeProvider>(), stories: sp.GetRequiredService<StoryAssigner>())
        {
            Metrics = sp.GetService<NewsBriefMetrics>(),
            AfterInsert = afterInsert?.Invoke(sp),
            Logger = sp.GetRequiredService<ILogger<RefreshPipeline>>(),
        });
        return services;
    }
}
