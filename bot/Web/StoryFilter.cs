using NewsBrief.Core.Domain;
using NewsBrief.Core.Query;

namespace NewsBrief.Bot.Web;

/// <summary>The recent stories a page or the API asks for: a window, optionally one topic and a query one of its articles must match.</summary>
public static class StoryFilter
{
    public const int MaxWindowDays = 90;

    public static IReadOnlyList<Story> Recent(ReadingRoomServices room, TimeSpan window, string? topic, TopicQuery? query, int limit)
    {
        var now = room.Now;
        var stories = room.Stories.InWindow(now - window, now);
        return stories
            .Where(s => topic is null || s.Topics.Any(t => string.Equals(t, topic, StringComparison.OrdinalIgnoreCase)))
            .Where(s => query is null || s.Articles.Any(a => query.Matches(new QueryDocument(a.Title, a.BodyOrDescription, a.SourceId, room.App.Sources.NameOf(a.SourceId)))))
            .OrderByDescending(s => s.Outlets.Count).ThenByDescending(s => s.LastUpdated).ThenByDescending(s => s.Id)
            .Take(limit)
            .ToList();
    }

    /// <summary>A window like 24h or 7d (default 7 days, at most 90); false with a message when it is not one.</summary>
    public static bool TryWindow(string? text, out TimeSpan window, out string? error)
    {
        window = TimeSpan.FromDays(7);
        error = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!Briefing.DurationParser.TryParse(text, out window, out var e)) { error = $"window: {e}"; return false; }
        return true;
    }
}
