using NewsBrief.Summariser.Extractive;

namespace NewsBrief.Summariser.Budget;

/// <summary>
/// Fits a story's articles into a token budget: articles over their fair share keep their most informative
/// sentences (ranked by the extractive engine), in their original order; short articles are left whole.
/// </summary>
public sealed class StoryTrimmer(ExtractiveSummariser ranker)
{
    public StoryTrimmer() : this(new ExtractiveSummariser()) { }

    /// <summary>The documents, trimmed so their texts together count at most <paramref name="maxTokens"/> tokens.</summary>
    public IReadOnlyList<SummaryDocument> Trim(IReadOnlyList<SummaryDocument> documents, int maxTokens)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxTokens);
        var counts = documents.Select(d => TokenCounter.Count(d.Text)).ToList();
        if (counts.Sum() <= maxTokens) return documents;

        // fair share: short articles give their unused share to the long ones
        var shares = new int[documents.Count];
        var remaining = maxTokens;
        var open = Enumerable.Range(0, documents.Count).OrderBy(i => counts[i]).ToList();
        while (open.Count > 0)
        {
            var share = remaining / open.Count;
            var i = open[0];
            shares[i] = Math.Min(counts[i], share);
            remaining -= shares[i];
            open.RemoveAt(0);
        }
        return documents.Select((d, i) => counts[i] <= shares[i] ? d : d with { Text = Shorten(d, shares[i]) }).ToList();
    }

    private string Shorten(SummaryDocument document, int budget)
    {
        var sentences = SentenceSplitter.Split(document.Text);
        var ranked = ranker.Summarise([document], sentences.Count)
            .OrderByDescending(s => s.Score).ThenBy(s => s.SentenceIndex).ToList();
        var keep = new List<(int Index, string Text)>();
        var used = 0;
        foreach (var s in ranked)
        {
            var cost = TokenCounter.Count(s.Text) + 1;
            if (used + cost > budget) continue;
            keep.Add((s.SentenceIndex, s.Text));
            used += cost;
        }
        if (keep.Count == 0 && sentences.Count > 0) return Truncate(sentences[0], budget);
        return string.Join(" ", keep.OrderBy(k => k.Index).Select(k => k.Text));
    }

    private static string Truncate(string text, int budget)
    {
        var chars = Math.Max(0, budget * 3);
        return text.Length <= chars ? text : text[..chars];
    }
}
