namespace NewsBrief.Summariser.Extractive;

/// <summary>
/// Weights of the extractive engine. The defaults were tuned with the <c>rouge</c> benchmark on the
/// BBC News Summary set (40% of sentences: R1/R2/RLsum stemmed 76.6/68.6/75.9, plain TextRank 73.4/64.3/72.7)
/// and the CNN/DM sample (3 sentences: 41.8/19.7/37.8, Lead-3 41.6/19.5/37.8). A lower <see cref="Lambda"/>
/// or a stronger lead helps one set and hurts the other; these values keep both goals.
/// </summary>
public sealed record ExtractiveOptions
{
    /// <summary>Weight of graph centrality (TextRank over tf-idf cosine), normalised to [0, 1] per story.</summary>
    public double CentralityWeight { get; init; } = 1.0;

    /// <summary>Weight of the lead bias: news puts its key facts first.</summary>
    public double PositionWeight { get; init; } = 2.0;

    /// <summary>
    /// Budget (in sentences) at which the lead bias has its plain weight. A smaller budget (three sentences)
    /// leans harder on the lead (by the square of the ratio), up to <see cref="MaxLeadScale"/> times; a larger one (40% of a long
    /// article) less, down to <see cref="MinLeadScale"/> times: the more we may say, the more the body counts.
    /// </summary>
    public double LeadSentences { get; init; } = 3;

    public double MinLeadScale { get; init; } = 0.1;

    public double MaxLeadScale { get; init; } = 1.0;

    /// <summary>Position score is (index + 1)^-decay: 0.5 is a gentle slope, 1 a steep one.</summary>
    public double PositionDecay { get; init; } = 0.5;

    /// <summary>Weight of the cosine similarity between a sentence and its article's title.</summary>
    public double TitleWeight { get; init; } = 0.25;

    /// <summary>MMR trade-off: 1 ranks by score alone, lower values punish overlap with sentences already picked.</summary>
    public double Lambda { get; init; } = 0.6;

    /// <summary>Sentences at least this similar (cosine) to one already picked are never picked: the same fact from two outlets.</summary>
    public double DuplicateThreshold { get; init; } = 0.65;

    /// <summary>
    /// Most sentences one story's ranking compares (every pair of them): past it, the earliest sentences of
    /// every article are kept, round by round (all first sentences, then all second ones, ...), so a story of
    /// 100 articles costs about what one of 15 does instead of 100 times more. Single articles stay below it.
    /// </summary>
    public int MaxCandidates { get; init; } = 400;

    /// <summary>
    /// A story of several articles opens with the lead of its most central article and favours the articles not yet
    /// quoted (<see cref="NewOutletBonus"/>); false picks across the articles by score and MMR alone (the earlier engine).
    /// </summary>
    public bool MultiOutlet { get; init; } = true;

    /// <summary>Added to the MMR value of a sentence from an article the summary has not quoted yet (scores are scaled to [0, 1]).</summary>
    public double NewOutletBonus { get; init; } = 0.15;

    /// <summary>PageRank damping factor.</summary>
    public double Damping { get; init; } = 0.85;

    public static ExtractiveOptions Default { get; } = new();
}
