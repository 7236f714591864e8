using Microsoft.Extensions.Options;

namespace NewsBrief.Summariser.Llm;

/// <summary>Every problem with the <c>Summariser</c> section, each written "Summariser:Key: reason"; checked at start-up.</summary>
public sealed class SummariserOptionsValidator : IValidateOptions<SummariserOptions>
{
    private const string P = SummariserOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, SummariserOptions options)
    {
        var errors = Failures(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>The failures alone; empty when valid.</summary>
    public static IReadOnlyList<string> Failures(SummariserOptions o)
    {
        var errors = new List<string>();
        if (!SummariserProviders.All.Contains(o.Provider, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add($"{P}Provider: '{o.Provider}' is not known; valid providers: {string.Join(", ", SummariserProviders.All)}");
            return errors;
        }
        var provider = o.Provider.ToLowerInvariant();
        if (provider == SummariserProviders.Extractive) return errors;

        var endpointRequired = provider is SummariserProviders.OpenAiCompatible or SummariserProviders.AzureOpenAi;
        if (string.IsNullOrWhiteSpace(o.Endpoint))
        {
            if (endpointRequired) errors.Add($"{P}Endpoint: required when {P}Provider is {provider}");
        }
        else if (!Uri.TryCreate(o.Endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            errors.Add($"{P}Endpoint: '{o.Endpoint}' must be an absolute http:// or https:// URL");

        if (string.IsNullOrWhiteSpace(o.Model)) errors.Add($"{P}Model: required when {P}Provider is {provider}");
        if (provider is SummariserProviders.OpenAi or SummariserProviders.AzureOpenAi && string.IsNullOrWhiteSpace(o.ApiKey))
            errors.Add($"{P}ApiKey: required when {P}Provider is {provider} (set NewsBrief__Summariser__ApiKey)");
        if (o.Timeout <= TimeSpan.Zero || o.Timeout > TimeSpan.FromHours(1)) errors.Add($"{P}Timeout: must be between 00:00:00.001 and 01:00:00, not {o.Timeout}");
        if (o.MaxRetries is < 0 or > 10) errors.Add($"{P}MaxRetries: must be between 0 and 10, not {o.MaxRetries}");
        if (o.RetryBaseDelay < TimeSpan.Zero || o.RetryBaseDelay > TimeSpan.FromMinutes(5)) errors.Add($"{P}RetryBaseDelay: must be between 0 and 00:05:00, not {o.RetryBaseDelay}");
        if (o.MaxTokensPerStory < 200) errors.Add($"{P}MaxTokensPerStory: must be at least 200, not {o.MaxTokensPerStory}");
        if (o.MaxTokensPerBrief < o.MaxTokensPerStory) errors.Add($"{P}MaxTokensPerBrief: {o.MaxTokensPerBrief} must be at least {P}MaxTokensPerStory ({o.MaxTokensPerStory})");
        if (o.MaxOutputTokens is < 50 or > 32_000) errors.Add($"{P}MaxOutputTokens: must be between 50 and 32000, not {o.MaxOutputTokens}");
        if (o.MaxSentences is < 1 or > 20) errors.Add($"{P}MaxSentences: must be between 1 and 20, not {o.MaxSentences}");
        if (o.Temperature is < 0 or > 2) errors.Add($"{P}Temperature: must be between 0 and 2, not {o.Temperature}");
        if (o.PromptPricePerMillion < 0) errors.Add($"{P}PromptPricePerMillion: must not be negative");
        if (o.CompletionPricePerMillion < 0) errors.Add($"{P}CompletionPricePerMillion: must not be negative");
        return errors;
    }
}
