using System.Text;

namespace NewsBrief.Summariser.Llm;

/// <summary>Settings of the summariser (section <c>Summariser</c>); <see cref="SummariserOptionsValidator"/> names the bad key.</summary>
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

    /// <summary>Keeps the API key out of ToString(), and so out of every log line and exception message.</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"Provider = {Provider}, Endpoint = {Endpoint}, Model = {Model}, ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(none)" : "***")}, ");
        builder.Append($"Timeout = {Timeout}, MaxRetries = {MaxRetries}, MaxTokensPerStory = {MaxTokensPerStory}, MaxTokensPerBrief = {MaxTokensPerBrief}, ");
        builder.Append($"MaxOutputTokens = {MaxOutputTokens}, Temperature = {Temperature}");
        return true;
    }
}
