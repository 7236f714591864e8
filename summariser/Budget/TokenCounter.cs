using Microsoft.ML.Tokenizers;

namespace NewsBrief.Summariser.Budget;

/// <summary>
/// Counts tokens with tiktoken o200k_base (GPT-4o family). For Llama, Qwen or Mistral served locally the count is
/// an approximation, close enough for a budget.
/// </summary>
public static class TokenCounter
{
    // loading the vocabulary takes ~100 ms and megabytes; one instance serves every thread
    private static readonly Lazy<Tokenizer> Tokenizer = new(() => TiktokenTokenizer.CreateForEncoding("o200k_base"));

    public static int Count(string text) => string.IsNullOrEmpty(text) ? 0 : Tokenizer.Value.CountTokens(text);
}
