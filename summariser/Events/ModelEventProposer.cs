using System.Globalization;
using Microsoft.SemanticKernel;
using NewsBrief.Summariser.Llm;

namespace NewsBrief.Summariser.Events;

/// <summary>What the model proposed for one article: the events that passed the grounding check, and why the others did not.</summary>
public sealed record ProposedEvents(IReadOnlyList<ExtractedEvent> Kept, int Proposed, IReadOnlyList<string> Dropped, string? Failure);

/// <summary>
/// Asks the configured model for the upcoming events of one article (the versioned prompt
/// <c>Prompts/event-proposals.v1.prompt</c>, the article delimited as data) and keeps each only when
/// <see cref="EventGrounding"/> finds its date expression and participants in the article. A failed call, an unusable
/// or oversized answer yields no events and a <see cref="ProposedEvents.Failure"/>; the rules' events stand alone then.
/// </summary>
public sealed class ModelEventProposer
{
    public const string Version = "event-proposals.v1";

    /// <summary>Article text sent, at most, in characters (the start of an article is where its news is).</summary>
    public const int MaxArticleCharacters = 12_000;

    private static readonly Lazy<string> Template = new(() => StoryPrompt.Load($"{Version}.prompt"));
    private readonly ModelCall _call;
    private readonly SummariserOptions _options;

    public ModelEventProposer(Kernel kernel, SummariserOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _call = new ModelCall(kernel, options, time ?? TimeProvider.System, new PromptTemplateConfig(Template.Value)
        {
            Name = "propose_events",
            TemplateFormat = PromptTemplateConfig.SemanticKernelTemplateFormat,
            InputVariables = [new() { Name = "published" }, new() { Name = "article" }],
        }, structuredStory: false);
    }

    public async Task<ProposedEvents> ProposeAsync(string title, string text, DateTimeOffset published, CancellationToken cancellationToken)
    {
        var day = DateOnly.FromDateTime(published.UtcDateTime);
        var article = title + "\n" + text;
        var sent = article.Length > MaxArticleCharacters ? article[..MaxArticleCharacters] : article;
        var block = "--- BEGIN ARTICLE ---\nTitle: " + title.ReplaceLineEndings(" ") + "\nDate: " + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            + "\nText:\n" + sent.Replace("---", "- - -", StringComparison.Ordinal) + "\n--- END ARTICLE ---";
        var reply = await _call.SendAsync(new Dictionary<string, string>
        {
            ["published"] = day.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture),
            ["article"] = block,
        }, cancellationToken);
        if (reply.Failure is not null) return new([], 0, [], reply.Failure);
        var longest = LlmStorySummariser.MaxAnswerCharacters(_options);
        if (reply.Content is { } content && content.Length > longest)
            return new([], 0, [], $"model answer too long ({content.Length:N0} characters; Summariser:MaxOutputTokens = {_options.MaxOutputTokens} allows {longest:N0})");
        IReadOnlyList<ModelEventProposal> proposals;
        try { proposals = EventProposalParser.Parse(reply.Content); }
        catch (FormatException e) { return new([], 0, [], $"model answer unusable: {e.Message}"); }

        var kept = new List<ExtractedEvent>();
        var dropped = new List<string>();
        foreach (var (p, i) in proposals.Select((p, i) => (p, i)))
        {
            // Checked against the whole stored article: what the model was not shown cannot ground anything it
            // invented, and what it was shown is in there.
            var check = EventGrounding.Check(p, article, day);
            if (check.Event is { } e)
            {
                if (!kept.Any(k => k.Date == e.Date && k.Sentence == e.Sentence)) kept.Add(e);
            }
            else dropped.Add($"event {i + 1}: {check.Dropped}");
        }
        return new(kept, proposals.Count, dropped, null);
    }
}
