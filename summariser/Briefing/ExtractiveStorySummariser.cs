using NewsBrief.Core.Domain;
using NewsBrief.Summariser.Extractive;

namespace NewsBrief.Summariser.Briefing;

/// <summary>
/// The offline story summariser: the extractive engine's sentences, each citing the article it came from and
/// every other article that states the same fact in a near-duplicate sentence.
/// </summary>
public sealed class ExtractiveStorySummariser(ExtractiveSummariser engine) : IStorySummariser
{
    public const string EngineName = "extractive";

    /// <summary>Sentences per story: a couple for a single article, more for stories many outlets cover.</summary>
    public int SentencesFor(int documents) => Math.Clamp(2 + documents, 3, 5);

    public Task<StorySummary> SummariseAsync(Story story, CancellationToken cancellationToken) =>
        Task.FromResult(Summarise(story));

    public StorySummary Summarise(Story story)
    {
        var documents = story.Articles.Select(SummaryDocument.Of).ToList();
        var picked = engine.Summarise(documents, SentencesFor(documents.Count));
        var sentences = picked
            .Select(p => new BriefSentence(p.Text, [documents[p.DocumentIndex].Id, .. p.AlsoIn.Select(d => documents[d].Id)]))
            .ToList();
        if (sentences.Count == 0 && documents.Count > 0)
            sentences.Add(new BriefSentence(documents[0].Title, [documents[0].Id])); // a story always says something it can cite
        return new StorySummary
        {
            Headline = story.Headline.Length > 0 ? story.Headline : documents.Count > 0 ? documents[0].Title : "",
            Sentences = sentences,
            Engine = EngineName,
            Checked = sentences.Count,
        };
    }
}
