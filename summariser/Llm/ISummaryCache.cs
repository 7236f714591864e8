using NewsBrief.Summariser.Briefing;

namespace NewsBrief.Summariser.Llm;

/// <summary>Summaries already paid for, by <see cref="SummaryCacheKey"/> (content hash, prompt version, model).</summary>
public interface ISummaryCache
{
    Task<StorySummary?> GetAsync(string key, CancellationToken cancellationToken);
    Task SetAsync(string key, StorySummary summary, CancellationToken cancellationToken);
}
