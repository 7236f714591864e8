using NewsBrief.Core.Domain;

namespace NewsBrief.Summariser.Grounding;

/// <summary>
/// The outcome of <see cref="CitationChecker"/>: the sentences that passed (citations mapped to article ids),
/// which of them are marked as carrying an unverified minor fact, and why each removal happened.
/// </summary>
public sealed record CheckedSummary(
    string Headline,
    IReadOnlyList<BriefSentence> Sentences,
    IReadOnlyList<int> MarkedSentences,
    int Checked,
    int Dropped,
    IReadOnlyList<string> Notes)
{
    public int Marked => MarkedSentences.Count;
}
