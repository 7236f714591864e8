using Microsoft.SemanticKernel;
using NewsBrief.Core.Domain;
using NewsBrief.Summariser.Extractive;

namespace NewsBrief.Summariser.Briefing;

/// <summary>
/// Composes a brief: summarises each story through the kernel (map), then assembles the stories in
/// rank order with their cited articles (reduce). Stories already briefed are left out; stories with
/// new articles become updates that summarise only what is new.
/// </summary>
public sealed class BriefComposer(Kernel kernel, TimeProvider time)
{
    /// <summary>Stories summarised at once (an LLM server is the bottleneck).</summary>
    public int MaxConcurrency { get; init; } = 4;

    public async Task<Brief> ComposeAsync(BriefRequest request, CancellationToken cancellationToken)
    {
        var plan = request.Stories.Select((s, index) => Plan(s, index, request.AlreadyBriefed)).Where(p => p is not null).Select(p => p!.Value).ToList();
        using var gate = new SemaphoreSlim(MaxConcurrency);
        var summaries = await Task.WhenAll(plan.Select(async p =>
        {
            await gate.WaitAsync(cancellationToken);
            try { return await SummariseAsync(p.Input, cancellationToken); }
            finally { gate.Release(); }
        }));

        var stories = new List<BriefStory>();
        for (var i = 0; i < plan.Count; i++)
        {
            var (story, _, input, isUpdate) = plan[i];
            var summary = summaries[i];
            var cited = summary.Sentences.SelectMany(s => s.Citations).ToHashSet();
            stories.Add(new BriefStory
            {
                Headline = story.Id > 0 || summary.Headline.Length == 0 ? story.Headline : summary.Headline,
                Topic = story.Topics.FirstOrDefault() ?? request.OtherTopic,
                AlsoTopics = story.Topics.Skip(1).ToList(),
                Sentences = summary.Sentences,
                // every article the story covers is linked; the cited ones first, in citation order
                Articles = input.Articles.Concat(story.Articles.Except(input.Articles)).OrderBy(a => cited.Contains(a.Id) ? 0 : 1).ToList(),
                StoryId = story.Id > 0 ? story.Id : null,
                FirstSeen = story.FirstSeen,
                LastUpdated = story.LastUpdated,
                IsUpdate = isUpdate,
                NewArticleIds = isUpdate ? input.Articles.Select(a => a.Id).ToList() : [],
                Engine = summary.Engine,
            });
        }
        var position = Enumerable.Range(0, plan.Count).ToDictionary(i => plan[i].Index);
        var highlights = request.Leading
            .Where(position.ContainsKey).Select(index => position[index])
            .Where(i => summaries[i].Sentences.Count > 0)
            .Take(request.Highlights)
            .Select(i => summaries[i].Sentences[0])
            .ToList();
        var engineNames = summaries.Select(s => s.Engine).Distinct().ToList();
        return new Brief
        {
            From = request.From,
            To = request.To,
            Stories = stories,
            Summary = highlights,
            Created = time.GetUtcNow(),
            Engine = new BriefEngine(
                engineNames.Count == 0 ? ExtractiveStorySummariser.EngineName : string.Join("+", engineNames),
                null, summaries.Sum(s => s.InputTokens), summaries.Sum(s => s.OutputTokens))
            {
                Checked = summaries.Sum(s => s.Checked),
                Dropped = summaries.Sum(s => s.Dropped),
                Marked = summaries.Sum(s => s.Marked),
                Fallbacks = Enumerable.Range(0, plan.Count).Where(i => summaries[i].FellBack)
                    .Select(i => new BriefFallback(stories[i].Headline, summaries[i].FallbackReason ?? "the model failed")).ToList(),
            },
        };
    }

    private async Task<StorySummary> SummariseAsync(StoryInput input, CancellationToken ct)
    {
        var result = await kernel.InvokeAsync(BriefPlugin.PluginName, BriefPlugin.SummariseStory,
            new KernelArguments { ["story"] = input }, ct);
        return result.GetValue<StorySummary>() ?? throw new InvalidOperationException("the story summariser returned nothing");
    }

    /// <summary>
    /// What to summarise of a story: its articles not briefed before, the most representative first (the one whose
    /// title is the story's headline), then the newest; an update when some were briefed before.
    /// </summary>
    private static (Story Story, int Index, StoryInput Input, bool IsUpdate)? Plan(Story story, int index, IReadOnlySet<long> briefed)
    {
        if (story.Articles.Count == 0) return null;
        var fresh = story.Articles.Where(a => !briefed.Contains(a.Id))
            .OrderBy(a => a.Title == story.Headline ? 0 : 1).ThenByDescending(a => a.DatedAt).ThenBy(a => a.Id).ToList();
        if (fresh.Count == 0) return null; // nothing new since the last brief
        var isUpdate = fresh.Count < story.Articles.Count;
        var documents = fresh.Select(a => new SummaryDocument(a.Id, a.Title, a.BodyOrDescription)).ToList();
        var input = new StoryInput(story.Topics.FirstOrDefault() ?? "", documents)
        {
            Articles = fresh,
            AlreadyBriefed = story.Articles.Where(a => briefed.Contains(a.Id)).Select(a => a.Id).ToHashSet(),
        };
        return (story, index, input, isUpdate);
    }
}
