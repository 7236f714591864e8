using Microsoft.SemanticKernel;
using NewsBrief.Core.Domain;

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
            try { return await SummariseAsync(p.Fresh, cancellationToken); }
            finally { gate.Release(); }
        }));

        var stories = new List<BriefEntry>();
        for (var i = 0; i < plan.Count; i++)
        {
            var (story, _, fresh, isUpdate) = plan[i];
            var summary = summaries[i];
            stories.Add(new BriefEntry
            {
                // an article in no stored story is headed as its summary says (a model may write a headline)
                Story = story.Id > 0 || summary.Headline.Length == 0 ? story : story with { Headline = summary.Headline },
                Section = story.Topics.FirstOrDefault() ?? request.OtherTopic,
                Sentences = summary.Sentences,
                IsUpdate = isUpdate,
                NewArticleIds = isUpdate ? fresh.Articles.Select(a => a.Id).ToList() : [],
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
                    .Select(i => new BriefFallback(stories[i].Story.Headline, summaries[i].FallbackReason ?? "the model failed")).ToList(),
            },
        };
    }

    private async Task<StorySummary> SummariseAsync(Story fresh, CancellationToken ct)
    {
        var result = await kernel.InvokeAsync(BriefPlugin.PluginName, BriefPlugin.SummariseStory,
            new KernelArguments { ["story"] = fresh }, ct);
        return result.GetValue<StorySummary>() ?? throw new InvalidOperationException("the story summariser returned nothing");
    }

    /// <summary>
    /// What to summarise of a story: the story restricted to its articles not briefed before (in time order; the
    /// summariser opens with the most central one); an update when some were briefed before.
    /// </summary>
    private static (Story Story, int Index, Story Fresh, bool IsUpdate)? Plan(Story story, int index, IReadOnlySet<long> briefed)
    {
        if (story.Articles.Count == 0) return null;
        var fresh = story.Articles.Where(a => !briefed.Contains(a.Id)).ToList();
        if (fresh.Count == 0) return null; // nothing new since the last brief
        var isUpdate = fresh.Count < story.Articles.Count;
        return (story, index, story with { Articles = fresh }, isUpdate);
    }
}
