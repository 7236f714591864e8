using System.ComponentModel.DataAnnotations;

namespace NewsBrief.Bot.Configuration;

/// <summary>The reading room (section <c>Web</c>): where it listens, who may change things, and its limits.</summary>
public sealed record WebOptions
{
    public const string SectionName = "Web";
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>Addresses to listen on, separated by ';'. Default <c>http://127.0.0.1:5080</c> (loopback); empty turns the web off in <c>run</c>.</summary>
    public string Urls { get; init; } = DefaultUrls;

    /// <summary>
    /// The token that allows changes (subscriptions) through the login form or <c>Authorization: Bearer</c>.
    /// From the environment (<c>NewsBrief__Web__AdminToken</c>) or user secrets only; required when listening beyond loopback.
    /// </summary>
    public string? AdminToken { get; init; }

    /// <summary>When true, reading needs the login too (a team's reading room on a shared network). Default false.</summary>
    public bool RequireLogin { get; init; }

    /// <summary>Searches one client (IP address) may run per minute. Default 60.</summary>
    [Range(1, 100_000)]
    public int SearchesPerMinute { get; init; } = 60;

    /// <summary>Results per search page and briefs per archive page. Default 50.</summary>
    [Range(1, 500)]
    public int PageSize { get; init; } = 50;
}
