namespace NewsBrief.Core.Domain;

/// <summary>A named saved query from <c>topics.json</c>, e.g. "TikTok bans".</summary>
public sealed record Topic(string Name, string Query);
