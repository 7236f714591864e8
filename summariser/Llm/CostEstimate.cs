namespace NewsBrief.Summariser.Llm;

/// <summary>What tokens cost at the configured prices; null when no price is configured.</summary>
public static class CostEstimate
{
    public static decimal? For(int inputTokens, int outputTokens, SummariserOptions options)
    {
        if (options.PromptPricePerMillion is null && options.CompletionPricePerMillion is null) return null;
        return (inputTokens * (options.PromptPricePerMillion ?? 0m) + outputTokens * (options.CompletionPricePerMillion ?? 0m)) / 1_000_000m;
    }
}
