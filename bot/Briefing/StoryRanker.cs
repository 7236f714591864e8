using NewsBrief.Core.Domain;
using NewsBrief.Summariser.Briefing;

namespace NewsBrief.Bot.Briefing;

/// <summary>
/// Orders stories for a brief: more outlets first, then more articles, then the most recent; caps the
/// stories per topic and in all; groups the result by topic, the topic of the best story first. Pure.
/// </summary>
public static class StoryRanker
{
    public static IReadOnlyList<BriefStoryInput> Rank(IReadOnlyList<BriefStoryInput> stories, DateTimeOffset now, TimeSpan window, int maxStories, int maxPerTopic)
    {
        var ranked = stories
            .Select(s => (Story: s, Score: Score(s.Articles, now, window)))
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Story.Articles[0].Id)
            .ToList();
        var perTopic = new Dictionary<string, int>(StringComparer.Ordinal);
        var kept = new List<(BriefStoryInput Story, int Rank)>();
        foreach (var (story, _) in ranked)
        {
            if (kept.Count >= maxStories) break;
            var n = perTopic.GetValueOrDefault(story.Topic);
            if (n >= maxPerTopic) continue;
            perTopic[story.Topic] = n + 1;
            kept.Add((story, kept.Count));
        }
        var topicOrder = kept.GroupBy(k => k.Story.Topic).ToDictionary(g => g.Key, g => g.Min(k => k.Rank));
        return kept.OrderBy(k => topicOrder[k.Story.Topic]).ThenBy(k => k.Rank).Select(k => k.Story with { Rank = k.Rank }).ToList();
    }

    public static double Score(IReadOnlyList<Article> articles, DateTimeOffset now, TimeSpan window)
    {
        var outlets = articles.Select(a => a.SourceId).Distinct().Count();
        var newest = articles.Max(a => a.DatedAt);
        var age = Math.Clamp((now - newest).TotalSeconds / Math.Max(1, window.TotalSeconds), 0, 1);
        return outlets * 2.0 + Math.Log(1 + articles.Count) + (1 - age);
    }
}
