using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using NewsBrief.Core.Telemetry;
using NewsBrief.Summariser.Budget;
using NewsBrief.Summariser.Briefing;
using NewsBrief.Summariser.Extractive;
using NewsBrief.Summariser.Llm;

namespace NewsBrief.Bot.Briefing;

/// <summary>
/// Makes the configured story summariser: extractive, or the model with the extractive fallback. A new
/// one per brief, so the brief's token budget starts afresh; the kernel and the cache are shared.
/// </summary>
public sealed class StorySummariserFactory(SummariserOptions options, ExtractiveStorySummariser extractive, Kernel? modelKernel, ISummaryCache? cache, TimeProvider time, NewsBriefMetrics? metrics = null,
    ILogger<LlmStorySummariser>? logger = null)
{
    public IStorySummariser Create() => modelKernel is null
        ? extractive
        : new LlmStorySummariser(modelKernel, options, extractive, cache, new BriefTokenBudget(options.MaxTokensPerBrief), time) { Metrics = metrics, Logger = (ILogger?)logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance };
}
