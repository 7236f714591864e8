namespace NewsBrief.Core.Query;

/// <summary>The fields of an article a query looks at.</summary>
public sealed record QueryDocument(string Title, string Body, string Source);
