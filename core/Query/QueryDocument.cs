namespace NewsBrief.Core.Query;

/// <summary>The fields of an article a query looks at.</summary>
/// <param name="Title">The headline.</param>
/// <param name="Body">Description and/or extracted text.</param>
/// <param name="Source">The source id (e.g. <c>bbc-news</c>); <c>source:</c> matches its words.</param>
/// <param name="SourceName">The source's display name (e.g. "BBC News"); <c>source:</c> matches its words too.</param>
/// <param name="Events">The words of the upcoming events the article announces (kinds, participants, places, sentences); <c>event:</c> matches them.</param>
public sealed record QueryDocument(string Title, string Body, string Source, string SourceName = "", string Events = "");
