namespace NewsBrief.Core.Storage;

/// <summary>A brief as stored: when and for what it was made, and its JSON document (the <c>brief --format json</c> contract).</summary>
public sealed record StoredBrief(long Id, DateTimeOffset Created, DateTimeOffset From, DateTimeOffset To, string Scope, string Engine, string Document);
