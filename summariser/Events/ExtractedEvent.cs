using NewsBrief.Core.Domain;

namespace NewsBrief.Summariser.Events;

/// <summary>
/// An event one article announces: its resolved date and precision, the date expression as written, its kind,
/// a title, the named participants and place, all taken from <see cref="Sentence"/>, which the article contains.
/// </summary>
public sealed record ExtractedEvent(
    DateOnly Date,
    EventPrecision Precision,
    string DateText,
    string Kind,
    string Title,
    IReadOnlyList<string> Participants,
    string? Place,
    string Sentence);
