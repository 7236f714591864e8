using NewsBrief.Core.Domain;
using NewsBrief.Summariser.Briefing;

namespace NewsBrief.Tests.Summariser.Llm;

/// <summary>A tiny stand-in for the extractive engine: the first article's title and first sentence.</summary>
public sealed class LeadSentenceFallback : IStorySummariser
{
    public Task<StorySummary> SummariseAsync(StoryInput story, CancellationToken cancellationToken)
    {
        var first = story.Documents.FirstOrDefault();
        var sentences = first is null || first.Text.Trim().Length == 0 ? [] : new[] { new BriefSentence(first.Text.Split(". ")[0].Trim(), [first.Id]) };
        return Task.FromResult(new StorySummary
        {
            Headline = first?.Title ?? "",
            Sentences = sentences,
            Engine = "extractive",
        });
    }
}
