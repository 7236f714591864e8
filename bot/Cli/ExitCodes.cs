namespace NewsBrief.Bot.Cli;

/// <summary>The CLI's exit codes, as DESIGN.md fixes them.</summary>
public static class ExitCodes
{
    public const int Done = 0;
    public const int Failed = 1;
    public const int BadUsage = 2;
}
