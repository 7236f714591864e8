namespace NewsBrief.Scrapers.Dedup;

/// <summary>An article as the clusterer sees it: its title, its text (only the lead is used), when it is dated, and its source.</summary>
public sealed record ClusterItem(string Title, string Text, DateTimeOffset Time, string SourceId);
