using System.CommandLine;

namespace NewsBrief.Bot.Cli;

/// <summary>The <c>--format</c> option of a command, limited to the formats it supports.</summary>
public static class FormatOption
{
    public static Option<string> Create(params string[] formats)
    {
        var option = new Option<string>("--format")
        {
            Description = $"Output format: {string.Join(", ", formats)}",
            DefaultValueFactory = _ => formats[0],
        };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }
}
