namespace NewsBrief.Bot.Rendering;
using NewsBrief.Core.Text;

/// <summary>One article of an alert, as the JSON line shows it.</summary>
public sealed record AlertArticle(long Id, string Title, string Url, string Source, DateTimeOffset Published);

/// <summary>
/// One alert: the new articles of one story that matched one subscription. Its JSON form is the line
/// <c>poll --format json</c> prints: <c>{"subscription","name","query","story","update","matched","articles":[...],"storyId"}</c>;
/// <c>update</c> is true when the subscription was alerted to the story before and these are its new articles.
/// </summary>
public sealed record AlertDocument(long Subscription, string Name, string Query, string Story, bool Update, IReadOnlyList<string> Matched, IReadOnlyList<AlertArticle> Articles)
{
    /// <summary>The stored story these articles belong to (<c>stories show ID</c>); null for an article not yet assigned.</summary>
    public long? StoryId { get; init; }

    /// <summary>The message as a person reads it (console and chat).</summary>
    public string ToText()
    {
        var lines = new List<string>
        {
            $"Alert #{Subscription} \"{Name}\": {(Update ? "update: " : "")}{Story}",
            $"  matched: {string.Join(", ", Matched)}; {Counted.Of(Articles.Count, "article")} from {Counted.Of(Articles.Select(a => a.Source).Distinct().Count(), "outlet")}",
        };
        foreach (var a in Articles)
        {
            lines.Add($"  - {a.Title} ({a.Source}, {a.Published:yyyy-MM-dd HH:mm} UTC)");
            lines.Add($"    {a.Url}");
        }
        return string.Join('\n', lines);
    }
}
