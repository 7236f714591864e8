namespace NewsBrief.Summariser.Extractive;

/// <summary>
/// The offline extractive engine: picks the most informative sentences of a set of articles.
/// Placeholder: the lead sentences, round-robin across documents, output in document order.
/// </summary>
public sealed class ExtractiveSummariser
{
    public IReadOnlyList<ExtractedSentence> Summarise(IReadOnlyList<SummaryDocument> documents, int maxSentences)
    {
        var split = documents.Select(d => SentenceSplitter.Split(d.Text)).ToList();
        var picked = new List<ExtractedSentence>();
        for (var depth = 0; picked.Count < maxSentences && split.Any(s => s.Count > depth); depth++)
            for (var d = 0; d < split.Count && picked.Count < maxSentences; d++)
                if (split[d].Count > depth) picked.Add(new ExtractedSentence(split[d][depth], d, depth, 1.0 / (depth + 1)));
        return picked.OrderBy(p => p.DocumentIndex).ThenBy(p => p.SentenceIndex).ToList();
    }
}
