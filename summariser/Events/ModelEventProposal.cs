namespace NewsBrief.Summariser.Events;

/// <summary>
/// One event as a model proposed it, before the grounding check: the words it says give the date, the sentence it
/// says announces it, its kind, participants and place. Nothing of it is trusted until <see cref="EventGrounding"/>
/// has found it in the article.
/// </summary>
public sealed record ModelEventProposal(string DateText, string Sentence, string Kind, IReadOnlyList<string> Participants, string? Place);
