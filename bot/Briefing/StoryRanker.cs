using NewsBrief.Core.Domain;

namespace NewsBrief.Bot.Briefing;

/// <summary>The stories of a brief in the order they are presented, and which of them lead the executive summary.</summary>
public sealed record RankedStories(IReadOnlyList<Story> Stories, IReadOnlyList<int> Leading);

/// <summary>
/// Orders stories for a brief: more outlets first, then more articles, then the most recent; caps the stories
/// per topic, "other news" and in all; then presents them section by section in editorial order (the configured
/// topics' order, or the rank of each section's best story), "other news" always last. Pure.
/// </summary>
public static class StoryRanker
{
    public static RankedStories Rank(IReadOnlyList<Story> stories, DateTimeOffset now, TimeSpan window, StoryRanking limits)
    {
        var ranked = stories
            .Select(s => (Story: s, Score: Score(s.Articles, now, window)))
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Story.Articles.Min(a => a.Id))
            .Select(x => x.Story)
            .ToList();
        var perTopic = new Dictionary<string, int>(StringComparer.Ordinal);
        var kept = new List<(Story Story, string Section, int Rank)>();
        foreach (var story in ranked)
        {
            if (kept.Count >= limits.MaxStories) break;
            var section = story.Topics.FirstOrDefault();
            var n = perTopic.GetValueOrDefault(section ?? "");
            if (n >= (section is null ? limits.MaxOther : limits.MaxPerTopic)) continue;
            perTopic[section ?? ""] = n + 1;
            kept.Add((story, section ?? "", kept.Count));
        }
        var best = kept.GroupBy(k => k.Section).ToDictionary(g => g.Key, g => g.Min(k => k.Rank));
        int SectionOrder(string section)
        {
            if (section.Length == 0) return int.MaxValue; // other news last, always
            var configured = limits.TopicOrder.IndexOf(section);
            if (limits.ByRank || configured < 0) return limits.TopicOrder.Count + best[section];
            return configured;
        }
        var ordered = kept.OrderBy(k => SectionOrder(k.Section)).ThenBy(k => k.Rank).ToList();
        var leading = Enumerable.Range(0, ordered.Count).Where(i => ordered[i].Section.Length > 0).OrderBy(i => ordered[i].Rank).ToList();
        return new RankedStories(ordered.Select(k => k.Story).ToList(), leading);
    }

    public static double Score(IReadOnlyList<Article> articles, DateTimeOffset now, TimeSpan window)
    {
        var outlets = articles.Select(a => a.SourceId).Distinct().Count();
        var newest = articles.Max(a => a.DatedAt);
        var age = Math.Clamp((now - newest).TotalSeconds / Math.Max(1, window.TotalSeconds), 0, 1);
        return outlets * 2.0 + Math.Log(1 + articles.Count) + (1 - age);
    }
}

/// <summary>How many stories a brief holds and in what order its sections come.</summary>
/// <param name="TopicOrder">The configured topics, in <c>topics.json</c> order.</param>
/// <param name="ByRank">Order sections by their best story instead of by <paramref name="TopicOrder"/>.</param>
public sealed record StoryRanking(int MaxStories, int MaxPerTopic, int MaxOther, List<string> TopicOrder, bool ByRank = false);
