using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using NewsBrief.Core.Configuration;
using NewsBrief.Summariser.Briefing;
using NewsBrief.Summariser.Extractive;
using NewsBrief.Summariser.Llm;

namespace NewsBrief.Summariser;

/// <summary>
/// The summariser's part of the composition root: the <c>Summariser</c> options (validated at start-up by
/// <see cref="SummariserOptionsValidator"/>), the extractive engine, and the model's <see cref="Kernel"/>, built
/// on first use (only when Summariser:Provider names a model). The summary cache is the caller's: it lives in the store.
/// </summary>
public static class SummariserServiceCollectionExtensions
{
    public static IServiceCollection AddSummariser(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<SummariserOptions>(configuration, SummariserOptions.SectionName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SummariserOptions>, SummariserOptionsValidator>());
        services.AddSingleton(_ => new ExtractiveStorySummariser(new ExtractiveSummariser()));
        services.AddSingleton(sp => SummariserKernelFactory.Create(sp.GetRequiredService<SummariserOptions>()));
        return services;
    }
}
