namespace NewsBrief.Summariser.Events;

/// <summary>
/// A tense-marking word or phrase of a sentence: a future marker ("will", "is due to") or a past verb, and where it
/// is. <see cref="ForwardOnly"/> markers ("ahead of", "starting") speak only of the dates after them.
/// </summary>
public readonly record struct TenseMark(int Start, int End, bool Future)
{
    public bool ForwardOnly { get; init; }
}
