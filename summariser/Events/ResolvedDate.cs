using NewsBrief.Core.Domain;

namespace NewsBrief.Summariser.Events;

/// <summary>
/// A date expression found in a sentence ("on Thursday", "next week", "13 February") and what it means
/// against the publication date. <see cref="Assumed"/> is true when the text alone does not say whether the
/// date is ahead or behind (a bare weekday, a month without a year): the resolver then took the next one, which
/// only holds when the sentence speaks of the future. <see cref="Vague"/> dates (this year, next summer, by 2030)
/// are too coarse for a calendar; <see cref="Past"/> ones lie before the publication day.
/// </summary>
public sealed record ResolvedDate(DateOnly Date, EventPrecision Precision, int Start, int Length, string Text)
{
    public bool Assumed { get; init; }
    public bool Past { get; init; }
    public bool Vague { get; init; }
    /// <summary>The expression bounds a duration ("until Friday", "runs to June"): the end of something, not an event.</summary>
    public bool IsEnd { get; init; }
    /// <summary>The expression names its year ("11 April 2016", "January 2026"): ahead or behind is then in the text itself.</summary>
    public bool HasYear { get; init; }
    /// <summary>For a past day and month given without a year, the same day next year: what a future-tense sentence means.</summary>
    public DateOnly? NextYear { get; init; }
}
