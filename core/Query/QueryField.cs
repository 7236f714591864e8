namespace NewsBrief.Core.Query;

/// <summary>Where in a document a query term is looked for.</summary>
public enum QueryField
{
    /// <summary>No prefix: the title or the body.</summary>
    Text,

    /// <summary><c>title:</c> the headline only.</summary>
    Title,

    /// <summary><c>source:</c> the source id and name.</summary>
    Source,

    /// <summary>
    /// <c>event:</c> the upcoming events the article announces: each one's kind (meeting, visit, vote, ...),
    /// participants, place and sentence, and the word <c>any</c> (<c>event:any</c> matches every announced event).
    /// </summary>
    Event,
}
