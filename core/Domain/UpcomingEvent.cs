namespace NewsBrief.Core.Domain;

/// <summary>How exactly an event's date is known: a day, a week (dated by its Monday) or a month (dated by its 1st).</summary>
public enum EventPrecision
{
    Day,
    Week,
    Month,
}

/// <summary>
/// A stored forward-looking event ("Wang Yi will visit London on Thursday"): its date and precision, a title,
/// the named participants and place, and the articles that report it. <see cref="Id"/> is assigned by the store.
/// </summary>
public sealed record UpcomingEvent
{
    public long Id { get; init; }
    public required DateOnly Date { get; init; }
    public required EventPrecision Precision { get; init; }
    public required string Kind { get; init; }
    public required string Title { get; init; }
    public required IReadOnlyList<string> Participants { get; init; }
    public string? Place { get; init; }
    /// <summary>The articles that report the event, with the sentence each one says it in.</summary>
    public required IReadOnlyList<EventCitation> Citations { get; init; }
    public DateTimeOffset FirstSeen { get; init; }

    /// <summary>The last day the event may fall on: the date itself, the Sunday of its week, or the last day of its month.</summary>
    public DateOnly LastDay => Precision switch
    {
        EventPrecision.Week => Date.AddDays(6),
        EventPrecision.Month => Date.AddMonths(1).AddDays(-1),
        _ => Date,
    };
}

/// <summary>One article reporting an event, the sentence it says it in, and the story the article belongs to.</summary>
public sealed record EventCitation(long ArticleId, string Sentence, long? StoryId = null);
