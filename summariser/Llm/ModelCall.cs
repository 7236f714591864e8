using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI.Chat;

namespace NewsBrief.Summariser.Llm;

/// <summary>
/// One prompt (the story prompt unless another template is given) sent through the kernel, retried on timeouts, 429
/// and 5xx with back-off (Retry-After honoured, at most Summariser:MaxRetries retries). SK does not retry when it is
/// given an HttpClient, so this is the only retry layer.
/// </summary>
internal sealed class ModelCall(Kernel kernel, SummariserOptions options, TimeProvider time, PromptTemplateConfig? template = null, bool structuredStory = true)
{
    private static readonly TimeSpan LongestRetryAfter = TimeSpan.FromMinutes(2);
    private readonly KernelFunction _function = kernel.CreateFunctionFromPrompt(template ?? new PromptTemplateConfig(StoryPrompt.Template)
    {
        Name = "summarise_story",
        TemplateFormat = PromptTemplateConfig.SemanticKernelTemplateFormat,
        InputVariables = [new() { Name = "topic" }, new() { Name = "articles" }, new() { Name = "max_sentences" }],
    });

    public Task<ModelReply> SendAsync(string topic, string articles, CancellationToken cancellationToken) =>
        SendAsync(new Dictionary<string, string>
        {
            ["topic"] = topic,
            ["articles"] = articles,
            ["max_sentences"] = options.MaxSentences.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, cancellationToken);

    /// <summary>Sends the template with these variables.</summary>
    public async Task<ModelReply> SendAsync(IReadOnlyDictionary<string, string> variables, CancellationToken cancellationToken)
    {
        var arguments = new KernelArguments(Settings());
        foreach (var (name, value) in variables) arguments[name] = value;
        var failures = new List<ModelCallFailure>();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var result = await kernel.InvokeAsync(_function, arguments, cancellationToken);
                var usage = result.Metadata?.TryGetValue("Usage", out var u) == true ? u as ChatTokenUsage : null;
                return ModelReply.Answered(result.GetValue<string>() ?? "", usage?.InputTokenCount ?? 0, usage?.OutputTokenCount ?? 0);
            }
            catch (Exception e) when (ModelCallFailure.From(e, cancellationToken) is { } failure)
            {
                failures.Add(failure);
                if (!failure.Retryable || attempt >= options.MaxRetries || failure.RetryAfter > LongestRetryAfter)
                    return ModelReply.Failed(Describe(failures));
                await Task.Delay(RetryDelay.For(attempt + 1, options.RetryBaseDelay, failure.RetryAfter), time, cancellationToken);
            }
        }
    }

    private OpenAIPromptExecutionSettings Settings()
    {
        var settings = new OpenAIPromptExecutionSettings { MaxTokens = options.MaxOutputTokens, Temperature = options.Temperature };
        if (string.Equals(options.Provider, SummariserProviders.OpenAiCompatible, StringComparison.OrdinalIgnoreCase))
        {
            // Ollama and LM Studio ignore max_completion_tokens (what MaxTokens becomes); they read max_tokens.
            // No response_format here: LM Studio rejects json_object, so the prompt asks for JSON and the parser is tolerant.
#pragma warning disable SKEXP0010
            settings.ExtraBody = new Dictionary<string, object?> { ["max_tokens"] = options.MaxOutputTokens };
#pragma warning restore SKEXP0010
        }
        else if (structuredStory) settings.ResponseFormat = typeof(ModelAnswerSchema);
        else settings.ResponseFormat = "json_object";
        return settings;
    }

    private string Describe(IReadOnlyList<ModelCallFailure> failures)
    {
        var last = failures[^1];
        var times = failures.Count(f => f.Kind == last.Kind);
        var count = times == 1 ? "" : $" {times} times";
        return last.Kind switch
        {
            ModelFailureKind.Timeout => $"model timed out after {Format(options.Timeout)}{(times == 1 ? "" : $" ({times} attempts)")}",
            ModelFailureKind.Rejected or ModelFailureKind.Unexpected => last.Detail,
            _ => last.Detail + count,
        };
    }

    private static string Format(TimeSpan t) =>
        t.TotalSeconds >= 1 && t.Milliseconds == 0 ? $"{t.TotalSeconds:0} s" : $"{t.TotalMilliseconds:0} ms";
}

/// <summary>The model's raw answer and its token usage, or why there is none.</summary>
internal sealed record ModelReply(string? Content, int InputTokens, int OutputTokens, string? Failure)
{
    public static ModelReply Answered(string content, int input, int output) => new(content, input, output, null);
    public static ModelReply Failed(string reason) => new(null, 0, 0, reason);
}
