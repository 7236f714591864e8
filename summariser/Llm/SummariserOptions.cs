using System.Text;

namespace NewsBrief.Summariser.Llm;

/// <summary>Settings of the summariser (section <c>Summariser</c>); <see cref="Validate"/> names the bad key.</summary>
public sealed record SummariserOptions
{
    public const string SectionName = "Summariser";

    /// <summary><c>extractive</c> (default, offline), <c>openai</c>, <c>azure-openai</c> or <c>openai-compatible</c>.</summary>
    public string Provider { get; init; } = SummariserProviders.Extractive;

    /// <summary>
    /// Base URL. openai-compatible: up to and including <c>/v1</c> (e.g. http://localhost:11434/v1);
    /// azure-openai: the resource URL (https://RES.openai.azure.com/); openai: optional override.
    /// </summary>
    public string? Endpoint { get; init; }

    /// <summary>Model name; for azure-openai the deployment name.</summary>
    public string? Model { get; init; }

    /// <summary>Secret: from environment or user secrets only; never printed (see <see cref="PrintMembers"/>).</summary>
    public string? ApiKey { get; init; }

    /// <summary>Per request to the model; default 60 s. Local models on a CPU may need several minutes.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries after a timeout, 429 or 5xx, before falling back to the extractive engine; default 2 (0..10).</summary>
    public int MaxRetries { get; init; } = 2;

    /// <summary>First back-off delay; doubled on each retry unless the server sends Retry-After. Default 2 s.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Token budget of the article text sent for one story (longer stories are trimmed); default 6000.</summary>
    public int MaxTokensPerStory { get; init; } = 6000;

    /// <summary>Token budget (input + output) of a whole brief; later stories fall back when spent. Default 100000.</summary>
    public int MaxTokensPerBrief { get; init; } = 100_000;

    /// <summary>Cap on the model's answer per story (max_tokens); default 700.</summary>
    public int MaxOutputTokens { get; init; } = 700;

    /// <summary>Most sentences asked for per story; default 4.</summary>
    public int MaxSentences { get; init; } = 4;

    /// <summary>Optional price per million prompt tokens, for the cost estimate.</summary>
    public decimal? PromptPricePerMillion { get; init; }

    /// <summary>Optional price per million completion tokens, for the cost estimate.</summary>
    public decimal? CompletionPricePerMillion { get; init; }

    /// <summary>
    /// With a model configured, also ask it for each new article's upcoming events; each is kept only when its date
    /// expression and participants occur in the article (see <c>EventGrounding</c>). Default false: the rules alone.
    /// </summary>
    public bool ProposeEvents { get; init; }

    /// <summary>Sampling temperature; default 0.2 (0..2).</summary>
    public double Temperature { get; init; } = 0.2;

    /// <summary>Azure OpenAI api-version query value.</summary>
    public string AzureApiVersion { get; init; } = "2024-10-21";

    public bool UsesModel => !string.Equals(Provider, SummariserProviders.Extractive, StringComparison.OrdinalIgnoreCase);

    /// <summary>Every problem with these settings, each naming its key; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        var p = $"{SectionName}:";
        if (!SummariserProviders.All.Contains(Provider, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add($"{p}Provider '{Provider}' is not known; valid providers: {string.Join(", ", SummariserProviders.All)}");
            return errors;
        }
        var provider = Provider.ToLowerInvariant();
        if (provider == SummariserProviders.Extractive) return errors;

        var endpointRequired = provider is SummariserProviders.OpenAiCompatible or SummariserProviders.AzureOpenAi;
        if (string.IsNullOrWhiteSpace(Endpoint))
        {
            if (endpointRequired) errors.Add($"{p}Endpoint is required when {p}Provider is {provider}");
        }
        else if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            errors.Add($"{p}Endpoint '{Endpoint}' must be an absolute http:// or https:// URL");

        if (string.IsNullOrWhiteSpace(Model)) errors.Add($"{p}Model is required when {p}Provider is {provider}");
        if (provider is SummariserProviders.OpenAi or SummariserProviders.AzureOpenAi && string.IsNullOrWhiteSpace(ApiKey))
            errors.Add($"{p}ApiKey is required when {p}Provider is {provider} (set NewsBrief__Summariser__ApiKey)");
        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromHours(1)) errors.Add($"{p}Timeout must be between 00:00:00.001 and 01:00:00, not {Timeout}");
        if (MaxRetries is < 0 or > 10) errors.Add($"{p}MaxRetries must be between 0 and 10, not {MaxRetries}");
        if (RetryBaseDelay < TimeSpan.Zero || RetryBaseDelay > TimeSpan.FromMinutes(5)) errors.Add($"{p}RetryBaseDelay must be between 0 and 00:05:00, not {RetryBaseDelay}");
        if (MaxTokensPerStory < 200) errors.Add($"{p}MaxTokensPerStory must be at least 200, not {MaxTokensPerStory}");
        if (MaxTokensPerBrief < MaxTokensPerStory) errors.Add($"{p}MaxTokensPerBrief ({MaxTokensPerBrief}) must be at least {p}MaxTokensPerStory ({MaxTokensPerStory})");
        if (MaxOutputTokens is < 50 or > 32_000) errors.Add($"{p}MaxOutputTokens must be between 50 and 32000, not {MaxOutputTokens}");
        if (MaxSentences is < 1 or > 20) errors.Add($"{p}MaxSentences must be between 1 and 20, not {MaxSentences}");
        if (Temperature is < 0 or > 2) errors.Add($"{p}Temperature must be between 0 and 2, not {Temperature}");
        if (PromptPricePerMillion < 0) errors.Add($"{p}PromptPricePerMillion must not be negative");
        if (CompletionPricePerMillion < 0) errors.Add($"{p}CompletionPricePerMillion must not be negative");
        return errors;
    }

    /// <summary>Keeps the API key out of ToString(), and so out of every log line and exception message.</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"Provider = {Provider}, Endpoint = {Endpoint}, Model = {Model}, ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(none)" : "***")}, ");
        builder.Append($"Timeout = {Timeout}, MaxRetries = {MaxRetries}, MaxTokensPerStory = {MaxTokensPerStory}, MaxTokensPerBrief = {MaxTokensPerBrief}, ");
        builder.Append($"MaxOutputTokens = {MaxOutputTokens}, Temperature = {Temperature}");
        return true;
    }
}
