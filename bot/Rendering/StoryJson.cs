using System.Text.Json.Serialization;
using NewsBrief.Core.Domain;

namespace NewsBrief.Bot.Rendering;

/// <summary>
/// The stable JSON form of a stored story (documented in the README):
/// <c>{"id","headline","topics","firstSeen","lastUpdated","outlets","articles":[{"id","title","url","source","published"}]}</c>,
/// articles in time order; <c>stories show</c> adds <c>"mergedInto"</c> and <c>"why"</c>.
/// </summary>
public sealed record StoryJson(long Id, string Headline, IReadOnlyList<string> Topics, DateTimeOffset FirstSeen, DateTimeOffset LastUpdated,
    IReadOnlyList<string> Outlets, IReadOnlyList<StoryArticleDocument> Articles)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? MergedInto { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<TopicReason>? Why { get; init; }

    public static StoryJson From(Story s, Func<string, string> sourceName) => new(
        s.Id, s.Headline, s.Topics, s.FirstSeen, s.LastUpdated, s.Outlets.Select(sourceName).ToList(),
        s.Articles.Select(a => new StoryArticleDocument(a.Id, a.Title, a.Url, sourceName(a.SourceId), a.DatedAt)).ToList());
}

/// <summary>One article of a story in its JSON form.</summary>
public sealed record StoryArticleDocument(long Id, string Title, string Url, string Source, DateTimeOffset Published);

/// <summary>Why a story is filed under a topic: which article's title or lead matched, on which words.</summary>
public sealed record TopicReason(string Topic, long Article, string Reason);
