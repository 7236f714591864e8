namespace NewsBrief.Core.Domain;

/// <summary>How a source is read: a syndication feed, or an HTML list page read with CSS selectors.</summary>
public enum SourceKind
{
    Feed,
    Html,
}

/// <summary>CSS selectors that turn an HTML list page into articles (for <see cref="SourceKind.Html"/> sources).</summary>
public sealed record HtmlSelectors(string Item, string Link, string? Title, string? Date, string? Summary);

/// <summary>One configured source of articles, as written in <c>sources.json</c>.</summary>
public sealed record Source
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public SourceKind Kind { get; init; } = SourceKind.Feed;
    public required Uri Url { get; init; }
    public IReadOnlyList<string> Topics { get; init; } = [];
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMinutes(15);
    public HtmlSelectors? Selectors { get; init; }

    /// <summary>Extra request headers (an API key, Referer, Accept-Language), as written: <c>${ENV}</c> references unexpanded.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>A Cookie header for sites behind a consent wall or a login, as written (<c>${ENV}</c> unexpanded).</summary>
    public string? Cookie { get; init; }

    /// <summary>Replaces Fetch:UserAgent for this source (sites that refuse bots, or want a contact address).</summary>
    public string? UserAgent { get; init; }

    /// <summary>Keeps cookie and header values out of ToString(), and so out of every log line: they may be credentials.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"Id = {Id}, Name = {Name}, Kind = {Kind}, Url = {Url}, Topics = [{string.Join(", ", Topics)}], PollInterval = {PollInterval}, ");
        builder.Append($"Headers = [{string.Join(", ", Headers.Keys)}], Cookie = {(Cookie is null ? "(none)" : "***")}, UserAgent = {UserAgent}");
        return true;
    }
}
