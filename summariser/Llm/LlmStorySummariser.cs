using NewsBrief.Core.Telemetry;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SemanticKernel;
using NewsBrief.Core.Domain;
using NewsBrief.Summariser.Briefing;
using NewsBrief.Summariser.Budget;
using NewsBrief.Summariser.Grounding;

namespace NewsBrief.Summariser.Llm;

/// <summary>
/// Summarises a story with the configured model through Semantic Kernel: budget-trimmed, delimited articles in,
/// JSON out, every sentence checked against the articles it cites. Any failure (timeout, rate limit, unusable
/// answer, spent budget) degrades the story to <c>fallback</c> with <see cref="StorySummary.FellBack"/> and a reason.
/// </summary>
public sealed partial class LlmStorySummariser : IStorySummariser
{
    /// <summary>Stories with fewer words than this are not worth a model call; the fallback writes them (FellBack stays false).</summary>
    public const int MinimumWords = 20;
    internal const int PromptOverheadTokens = 450; // the template and message framing; a test keeps it above the real count

    private readonly SummariserOptions _options;
    private readonly IStorySummariser _fallback;
    private readonly ISummaryCache? _cache;
    private readonly BriefTokenBudget? _briefBudget;
    private readonly ModelCall _call;
    private readonly StoryTrimmer _trimmer = new();

    /// <param name="kernel">From <see cref="SummariserKernelFactory.Create"/>.</param>
    /// <param name="options">Validated summariser settings.</param>
    /// <param name="fallback">Writes the story when the model cannot (the extractive engine).</param>
    /// <param name="cache">Optional; a cached story costs no tokens.</param>
    /// <param name="briefBudget">Optional; shared by the stories of one brief (create a summariser per brief to use it).</param>
    /// <param name="time">Clock for retry back-off; the system clock when null.</param>
    public LlmStorySummariser(Kernel kernel, SummariserOptions options, IStorySummariser fallback,
        ISummaryCache? cache = null, BriefTokenBudget? briefBudget = null, TimeProvider? time = null)
    {
        _options = options;
        _fallback = fallback;
        _cache = cache;
        _briefBudget = briefBudget;
        _call = new ModelCall(kernel, options, time ?? TimeProvider.System);
    }

    /// <summary>Where each model call is counted (outcome, tokens); none when null.</summary>
    public NewsBriefMetrics? Metrics { get; init; }

    /// <summary>
    /// Where each fallback is logged, once, with its reason: a warning when the model call failed or its answer was
    /// unusable, information when the brief's token budget was spent (a limit working, not a fault).
    /// Retries inside the call are not logged: the one line says how many attempts failed.
    /// </summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;

    public async Task<StorySummary> SummariseAsync(Story story, CancellationToken cancellationToken)
    {
        var documents = story.Articles.Select(Extractive.SummaryDocument.Of).ToList();
        if (documents.Sum(d => Words().Count(d.Text)) < MinimumWords)
            return await _fallback.SummariseAsync(story, cancellationToken);

        var model = _options.Model ?? "";
        var key = SummaryCacheKey.For(story, StoryPrompt.Version, model);
        if (_cache is not null && await _cache.GetAsync(key, cancellationToken) is { } cached)
            return cached with { InputTokens = 0, OutputTokens = 0 };

        var articles = Number(story, _trimmer.Trim(documents, _options.MaxTokensPerStory));
        var block = StoryPrompt.FormatArticles(articles);
        var estimate = TokenCounter.Count(block) + PromptOverheadTokens + _options.MaxOutputTokens;
        if (_briefBudget is not null && !_briefBudget.Allows(estimate))
            return await FallBackAsync(story, $"brief token budget spent ({_briefBudget.Spent} of {_briefBudget.MaxTokens} tokens)", 0, 0, cancellationToken, LogLevel.Information);

        var reply = await _call.SendAsync(story.Topics.FirstOrDefault() ?? "", block, cancellationToken);
        _briefBudget?.Spend(reply.InputTokens + reply.OutputTokens);
        Metrics?.RecordModelCall(model, reply.Failure is null ? "ok" : "error", reply.InputTokens, reply.OutputTokens);
        if (reply.Failure is not null) return await FallBackAsync(story, reply.Failure, 0, 0, cancellationToken);

        var longest = MaxAnswerCharacters(_options);
        if (reply.Content is { } content && content.Length > longest)
            return await FallBackAsync(story, $"model answer too long ({content.Length:N0} characters; Summariser:MaxOutputTokens = {_options.MaxOutputTokens} allows {longest:N0})",
                reply.InputTokens, reply.OutputTokens, cancellationToken);

        DraftSummary draft;
        try { draft = ModelAnswerParser.Parse(reply.Content); }
        catch (FormatException e)
        {
            return await FallBackAsync(story, $"model answer unusable: {e.Message}", reply.InputTokens, reply.OutputTokens, cancellationToken);
        }

        var notes = new List<string>();
        if (draft.Sentences.Count > _options.MaxSentences)
        {
            notes.Add($"the model wrote {draft.Sentences.Count} sentences; the first {_options.MaxSentences} were kept (Summariser:MaxSentences)");
            draft = draft with { Sentences = draft.Sentences.Take(_options.MaxSentences).ToList() };
        }
        var check = CitationChecker.Check(draft, articles.Select(a => a.Source).ToList());
        if (check.Sentences.Count == 0)
        {
            var why = $"no sentence of the model's answer passed the citation check ({check.Dropped} of {check.Checked} dropped)";
            // The counters say what the check did, so the brief's engine report agrees with this fallback's reason.
            return await FallBackAsync(story, why, reply.InputTokens, reply.OutputTokens, cancellationToken) with
            {
                Checked = check.Checked,
                Dropped = check.Dropped,
                Marked = check.Marked,
                CheckNotes = [.. notes, .. check.Notes],
            };
        }

        var summary = new StorySummary
        {
            Headline = check.Headline,
            Sentences = check.Sentences,
            Engine = model,
            InputTokens = reply.InputTokens,
            OutputTokens = reply.OutputTokens,
            Checked = check.Checked,
            Dropped = check.Dropped,
            Marked = check.Marked,
            MarkedSentences = check.MarkedSentences,
            CheckNotes = [.. notes, .. check.Notes],
        };
        if (_cache is not null) await _cache.SetAsync(key, summary, cancellationToken);
        return summary;
    }

    /// <summary>
    /// The longest answer worth parsing: 16 characters per output token allows JSON, escaping and citations
    /// with room to spare; anything longer is not an answer to this prompt.
    /// </summary>
    internal static int MaxAnswerCharacters(SummariserOptions options) => 16 * options.MaxOutputTokens;

    private async Task<StorySummary> FallBackAsync(Story story, string reason, int input, int output, CancellationToken cancellationToken,
        LogLevel level = LogLevel.Warning)
    {
        var summary = await _fallback.SummariseAsync(story, cancellationToken);
        Logger.Log(level, "model summary of \"{Headline}\" ({Topic}) fell back to the extractive engine: {Reason}", summary.Headline, story.Topics.FirstOrDefault() ?? "", reason);
        return summary with { FellBack = true, FallbackReason = reason, InputTokens = input, OutputTokens = output };
    }

    private static IReadOnlyList<PromptArticle> Number(Story story, IReadOnlyList<Extractive.SummaryDocument> documents)
    {
        var stored = story.Articles.GroupBy(a => a.Id).ToDictionary(g => g.Key, g => g.First());
        return documents.Select((d, i) =>
        {
            stored.TryGetValue(d.Id, out var article);
            return new PromptArticle(new CitedSource(i + 1, d.Id, d.Title, d.Text, article?.Url), article?.SourceId, article?.Published);
        }).ToList();
    }

    [GeneratedRegex(@"\w+")]
    private static partial Regex Words();
}
