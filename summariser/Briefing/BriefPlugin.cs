using System.ComponentModel;
using Microsoft.SemanticKernel;
using NewsBrief.Core.Domain;

namespace NewsBrief.Summariser.Briefing;

/// <summary>
/// The brief's Semantic Kernel functions. <c>summarise_story</c> runs the configured story summariser
/// (extractive natively, or an LLM); the composer invokes it through the kernel, so filters and the
/// LLM path share one seam.
/// </summary>
public sealed class BriefPlugin(IStorySummariser summariser)
{
    public const string PluginName = "brief";
    public const string SummariseStory = "summarise_story";

    [KernelFunction(SummariseStory)]
    [Description("Summarises one story's articles into cited sentences.")]
    public Task<StorySummary> SummariseStoryAsync(
        [Description("The story: its articles and topics")] Story story, CancellationToken cancellationToken) =>
        summariser.SummariseAsync(story, cancellationToken);
}
