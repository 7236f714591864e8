namespace NewsBrief.Summariser.Llm;

/// <summary>The values <see cref="SummariserOptions.Provider"/> accepts.</summary>
public static class SummariserProviders
{
    public const string Extractive = "extractive";
    public const string OpenAi = "openai";
    public const string AzureOpenAi = "azure-openai";
    public const string OpenAiCompatible = "openai-compatible";

    public static IReadOnlyList<string> All { get; } = [Extractive, OpenAi, AzureOpenAi, OpenAiCompatible];
}
