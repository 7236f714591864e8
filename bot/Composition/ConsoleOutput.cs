namespace NewsBrief.Bot.Composition;

/// <summary>Where a command's console deliveries go, and whether as JSON lines (<c>--format json</c>) or text.</summary>
public sealed record ConsoleOutput(TextWriter Writer, bool Json);
