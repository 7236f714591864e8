namespace NewsBrief.Bot.Cli;

/// <summary>Bad usage of a command (a bad option value): exit code 2 with the message.</summary>
public sealed class UsageException(string message) : Exception(message);
