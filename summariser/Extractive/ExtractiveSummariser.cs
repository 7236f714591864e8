namespace NewsBrief.Summariser.Extractive;

/// <summary>
/// The offline extractive engine: ranks the sentences of a story's articles by centrality in a
/// tf-idf similarity graph, lead position and closeness to the title, then picks with MMR so that
/// a fact told by several outlets is told once. A single article's sentences come in sentence order. A story of
/// several articles opens with the lead of its most central article, then tells the other articles' distinct
/// facts (an article not yet quoted gets a bonus); its sentences come grouped by article, the central one first,
/// each in sentence order, and each names the other articles that state it too (a near-duplicate sentence).
/// Deterministic: equal scores fall back to document and sentence order.
/// </summary>
public sealed class ExtractiveSummariser(ExtractiveOptions? options = null)
{
    private readonly ExtractiveOptions _options = options ?? ExtractiveOptions.Default;

    /// <summary>Picks at most <paramref name="maxSentences"/> sentences across <paramref name="documents"/>.</summary>
    public IReadOnlyList<ExtractedSentence> Summarise(IReadOnlyList<SummaryDocument> documents, int maxSentences)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (maxSentences < 0)
            throw new ArgumentOutOfRangeException(nameof(maxSentences), maxSentences, "maxSentences must be zero or more");
        var sentences = documents.Select(d => SentenceSplitter.Split(d?.Text ?? "")).ToList();
        return Select(documents, sentences, maxSentences);
    }

    /// <summary>
    /// Picks a share of all sentences (e.g. 0.4 for 40%), rounded, at least one when there is any text.
    /// </summary>
    public IReadOnlyList<ExtractedSentence> SummariseRatio(IReadOnlyList<SummaryDocument> documents, double ratio)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (!(ratio > 0 && ratio <= 1))
            throw new ArgumentOutOfRangeException(nameof(ratio), ratio, "ratio must be greater than 0 and at most 1");
        var sentences = documents.Select(d => SentenceSplitter.Split(d?.Text ?? "")).ToList();
        return Select(documents, sentences, SentenceCount(sentences.Sum(s => s.Count), ratio));
    }

    /// <summary>How many sentences a ratio asks for out of <paramref name="total"/>: rounded, at least one when there are any.</summary>
    public static int SentenceCount(int total, double ratio) =>
        total == 0 ? 0 : Math.Max(1, (int)Math.Round(total * ratio, MidpointRounding.AwayFromZero));

    private IReadOnlyList<ExtractedSentence> Select(
        IReadOnlyList<SummaryDocument> documents, List<IReadOnlyList<string>> sentences, int maxSentences)
    {
        if (maxSentences == 0) return [];
        var candidates = new List<Candidate>();
        for (var d = 0; d < sentences.Count; d++)
        {
            var count = sentences[d].Count;
            for (var s = 0; s < count; s++)
            {
                var text = sentences[d][s];
                if (JunkSentence.Is(text)) continue;
                var words = ContentWords.Of(text);
                if (words.Count > 0) candidates.Add(new Candidate(text, d, s, words));
            }
        }
        if (candidates.Count == 0) return [];
        if (candidates.Count > _options.MaxCandidates) candidates = Earliest(candidates, _options.MaxCandidates);

        var index = new TermIndex(candidates.Select(c => (IReadOnlyCollection<string>)c.Words));
        var vectors = candidates.Select(c => TermVector.From(c.Words, index)).ToArray();
        var titles = documents.Select(d => TermVector.From(ContentWords.Of(d?.Title ?? ""), index)).ToArray();
        var similarity = SimilarityMatrix.Of(vectors, index.Idf.Length);

        var centrality = CentralityRanker.Rank(similarity, _options.Damping);
        var maxCentrality = centrality.Max();
        var positionWeight = _options.PositionWeight
            * Math.Clamp(Math.Pow(_options.LeadSentences / maxSentences, 2), _options.MinLeadScale, _options.MaxLeadScale);
        var scores = new double[candidates.Count];
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            var position = Math.Pow(c.SentenceIndex + 1, -_options.PositionDecay);
            scores[i] = _options.CentralityWeight * centrality[i] / maxCentrality
                + positionWeight * position
                + _options.TitleWeight * titles[c.DocumentIndex].Cosine(vectors[i]);
        }
        var documentOf = candidates.Select(c => c.DocumentIndex).ToArray();
        if (!_options.MultiOutlet || documentOf.Distinct().Count() < 2)
            return Mmr.Pick(scores, similarity, maxSentences, _options.Lambda, _options.DuplicateThreshold)
                .Select(i => Extracted(candidates[i], scores[i], []))
                .OrderBy(e => e.DocumentIndex).ThenBy(e => e.SentenceIndex)
                .ToList();

        // Several articles: the lead of the most central one, then the others' distinct facts, each sentence
        // also citing the articles that state it in a near-duplicate sentence.
        var documentWords = documents.Select((d, i) => candidates.Where(c => c.DocumentIndex == i).SelectMany(c => c.Words)
            .Concat(ContentWords.Of(d?.Title ?? "")).ToList()).ToList();
        for (var d = 0; d < documentWords.Count; d++)
            if (!documentOf.Contains(d)) documentWords[d].Clear();
        var central = CentralDocument.Of(documentWords, index);
        var lead = Array.IndexOf(documentOf, central);
        var picked = Mmr.Pick(scores, similarity, maxSentences, _options.Lambda, _options.DuplicateThreshold, documentOf, lead, _options.NewOutletBonus);
        var firstPick = new Dictionary<int, int>();
        foreach (var i in picked) firstPick.TryAdd(documentOf[i], firstPick.Count);
        return picked
            .Select(i => Extracted(candidates[i], scores[i], OutletMmr.AlsoStatedIn(i, similarity, documentOf, _options.DuplicateThreshold)))
            .OrderBy(e => firstPick[e.DocumentIndex]).ThenBy(e => e.SentenceIndex)
            .ToList();
    }

    private static ExtractedSentence Extracted(Candidate c, double score, IReadOnlyList<int> alsoIn) =>
        new(c.Text, c.DocumentIndex, c.SentenceIndex, score) { AlsoIn = alsoIn };

    /// <summary>The <paramref name="max"/> earliest sentences across the articles (first sentences first), in article and sentence order.</summary>
    private static List<Candidate> Earliest(List<Candidate> candidates, int max) =>
        candidates.OrderBy(c => c.SentenceIndex).ThenBy(c => c.DocumentIndex).Take(max)
            .OrderBy(c => c.DocumentIndex).ThenBy(c => c.SentenceIndex).ToList();

    private sealed record Candidate(string Text, int DocumentIndex, int SentenceIndex, List<string> Words);
}
