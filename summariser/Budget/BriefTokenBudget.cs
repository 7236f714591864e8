namespace NewsBrief.Summariser.Budget;

/// <summary>
/// Tokens left for one brief (input + output, all stories). Thread-safe: stories may be summarised in parallel.
/// Create one per brief.
/// </summary>
public sealed class BriefTokenBudget(int maxTokens)
{
    private int _spent;

    public int MaxTokens { get; } = maxTokens;
    public int Spent => Volatile.Read(ref _spent);
    public int Remaining => Math.Max(0, MaxTokens - Spent);

    /// <summary>True when <paramref name="tokens"/> more still fit; does not spend them.</summary>
    public bool Allows(int tokens) => Spent + tokens <= MaxTokens;

    public void Spend(int tokens) => Interlocked.Add(ref _spent, Math.Max(0, tokens));
}
