using System.Globalization;
using System.Text;
using NewsBrief.Core.Domain;
using NewsBrief.Core.Text;

namespace NewsBrief.Bot.Rendering;

/// <summary>Plain-text brief for the console: topics, numbered stories, cited sentences, numbered sources.</summary>
public static class BriefTextRenderer
{
    public static string Render(Brief brief, Func<string, string> sourceName)
    {
        var text = new StringBuilder();
        text.AppendLine($"NewsBrief: {Stamp(brief.From)} to {Stamp(brief.To)}");
        if (brief.Stories.Count == 0) text.AppendLine().AppendLine("No stories in this window.");
        if (brief.Summary.Count > 0)
        {
            text.AppendLine().AppendLine("In brief:");
            // "(story 3)", not "[3]": square brackets are citations of articles in the stories below.
            foreach (var s in brief.Summary) text.AppendLine($"  * {s.Text} (story {StoryNumber(brief, s)})");
        }
        string? topic = null;
        var n = 0;
        foreach (var story in brief.Stories)
        {
            if (story.Section != topic)
            {
                topic = story.Section;
                text.AppendLine().AppendLine($"== {topic} ==");
            }
            var numbers = CitationNumbers.For(story);
            text.AppendLine().AppendLine($"{++n}. {(story.IsUpdate ? "Update: " : "")}{story.Story.Headline}");
            if (Timeline(story, sourceName) is { } line) text.AppendLine($"   {line}");
            foreach (var sentence in story.Sentences)
                text.AppendLine($"   {sentence.Text} {CitationNumbers.Marks(sentence, numbers)}");
            foreach (var article in story.Articles)
                text.AppendLine($"   [{numbers[article.Id]}] {sourceName(article.SourceId)}, {Stamp(article.DatedAt)}: {article.Title} <{article.Url}>");
        }
        if (brief.Upcoming.Count > 0)
        {
            text.AppendLine().AppendLine("== Coming up ==");
            foreach (var item in brief.Upcoming)
            {
                text.AppendLine().AppendLine($"* {EventDateText.Format(item.Event)}: {item.Event.Title}{EventDateText.Who(item.Event)}");
                foreach (var article in item.Articles)
                    text.AppendLine($"   - {sourceName(article.SourceId)}: {article.Title} <{article.Url}>");
            }
        }
        text.AppendLine().AppendLine(Footer(brief));
        return text.ToString();
    }

    public static string Footer(Brief brief)
    {
        var e = brief.Engine;
        var tokens = e.InputTokens + e.OutputTokens;
        var cost = e.Cost is { } c ? $" (about {c.ToString("0.####", CultureInfo.InvariantCulture)})" : "";
        var footer = $"Written by {e.Name}{(e.Model is null ? "" : $" ({e.Model})")}; {Counted.Of(tokens, "token")}{cost}; {Counted.Of(brief.Stories.Count, "story", "stories")}, {Counted.Of(brief.Stories.Sum(s => s.Articles.Count), "article")}.";
        if (e.Dropped + e.Marked > 0) footer += $" {Counted.Of(e.Checked, "sentence")} checked against their sources: {e.Dropped} dropped, {e.Marked} marked.";
        if (e.Fallbacks.Count > 0)
            footer += $" {Counted.Of(e.Fallbacks.Count, "story", "stories")} fell back to the extractive engine: " + string.Join("; ", e.Fallbacks.Select(f => $"\"{f.Headline}\" ({f.Reason})")) + ".";
        return footer;
    }

    /// <summary>The 1-based number of the story an executive-summary sentence comes from.</summary>
    public static int StoryNumber(Brief brief, BriefSentence sentence)
    {
        for (var i = 0; i < brief.Stories.Count; i++)
            if (brief.Stories[i].Sentences.Contains(sentence)) return i + 1;
        return 0;
    }

    /// <summary>
    /// "First seen ..., last updated ...; +2 articles since the last brief (Reuters, BBC); also: TikTok bans", from the
    /// stored story state; null when there is nothing to say.
    /// </summary>
    public static string? Timeline(BriefEntry story, Func<string, string> sourceName)
    {
        var parts = new List<string>();
        var (first, last) = (story.Story.FirstSeen, story.Story.LastUpdated);
        parts.Add(first == last ? $"First seen {Stamp(first)}" : $"First seen {Stamp(first)}, last updated {Stamp(last)}");
        if (story.IsUpdate && story.NewArticleIds.Count > 0)
        {
            var added = story.Articles.Where(a => story.NewArticleIds.Contains(a.Id)).ToList();
            var outlets = added.Select(a => sourceName(a.SourceId)).Distinct().ToList();
            parts.Add($"+{added.Count} article{(added.Count == 1 ? "" : "s")} since the last brief ({string.Join(", ", outlets)})");
        }
        if (story.AlsoTopics.Count > 0) parts.Add("also: " + string.Join(", ", story.AlsoTopics));
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    public static string Stamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
