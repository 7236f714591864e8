using NewsBrief.Core.Domain;
using NewsBrief.Summariser.Extractive;

namespace NewsBrief.Summariser.Briefing;

/// <summary>The offline story summariser: the extractive engine's sentences, each citing the article it came from.</summary>
public sealed class ExtractiveStorySummariser(ExtractiveSummariser engine) : IStorySummariser
{
    public const string EngineName = "extractive";

    /// <summary>Sentences per story: a couple for a single article, more for stories many outlets cover.</summary>
    public int SentencesFor(int documents) => Math.Clamp(2 + documents, 3, 5);

    public Task<StorySummary> SummariseAsync(StoryInput story, CancellationToken cancellationToken) =>
        Task.FromResult(Summarise(story));

    public StorySummary Summarise(StoryInput story)
    {
        var documents = story.Documents;
        var picked = engine.Summarise(documents, SentencesFor(documents.Count));
        var sentences = picked
            .Select(p => new BriefSentence(p.Text, [documents[p.DocumentIndex].Id]))
            .ToList();
        if (sentences.Count == 0 && documents.Count > 0)
            sentences.Add(new BriefSentence(documents[0].Title, [documents[0].Id])); // a story always says something it can cite
        return new StorySummary
        {
            Headline = documents.Count > 0 ? documents[0].Title : "",
            Sentences = sentences,
            Engine = EngineName,
            Checked = sentences.Count,
        };
    }
}
