using System.Globalization;
using System.Text;
using NewsBrief.Core.Domain;

namespace NewsBrief.Bot.Rendering;

/// <summary>Markdown brief: a heading per topic, a subheading per story, citations as numbered links.</summary>
public static class BriefMarkdownRenderer
{
    public static string Render(Brief brief, Func<string, string> sourceName)
    {
        var md = new StringBuilder();
        md.AppendLine($"# NewsBrief, {brief.To.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}");
        md.AppendLine().AppendLine($"_{brief.From.UtcDateTime:yyyy-MM-dd HH:mm} to {brief.To.UtcDateTime:yyyy-MM-dd HH:mm} UTC_");
        if (brief.Stories.Count == 0) md.AppendLine().AppendLine("No stories in this window.");
        if (brief.Summary.Count > 0)
        {
            md.AppendLine().AppendLine("**In brief**").AppendLine();
            foreach (var s in brief.Summary) md.AppendLine($"- {Escape(s.Text)} (story {BriefTextRenderer.StoryNumber(brief, s)})");
        }
        string? topic = null;
        var n = 0;
        foreach (var story in brief.Stories)
        {
            if (story.Section != topic)
            {
                topic = story.Section;
                md.AppendLine().AppendLine($"## {Escape(topic)}");
            }
            var numbers = CitationNumbers.For(story);
            md.AppendLine().AppendLine($"### {++n}. {(story.IsUpdate ? "Update: " : "")}{Escape(story.Story.Headline)}").AppendLine();
            if (BriefTextRenderer.Timeline(story, sourceName) is { } line) md.AppendLine($"_{Escape(line)}_").AppendLine();
            foreach (var sentence in story.Sentences)
            {
                var links = string.Concat(sentence.Citations.Where(numbers.ContainsKey)
                    .Select(c => $"[[{numbers[c]}]]({story.Articles.First(a => a.Id == c).Url})"));
                md.AppendLine($"- {Escape(sentence.Text)} {links}");
            }
            md.AppendLine();
            foreach (var article in story.Articles)
                md.AppendLine($"{numbers[article.Id]}. [{Escape(article.Title)}]({article.Url}), {Escape(sourceName(article.SourceId))}, {BriefTextRenderer.Stamp(article.DatedAt)}");
        }
        if (brief.Upcoming.Count > 0)
        {
            md.AppendLine().AppendLine("## Coming up").AppendLine();
            foreach (var item in brief.Upcoming)
            {
                var links = string.Concat(item.Articles.Select((a, i) => $" [[{i + 1}]]({a.Url} \"{Escape(sourceName(a.SourceId))}\")"));
                md.AppendLine($"- **{EventDateText.Format(item.Event)}**: {Escape(item.Event.Title)}{Escape(EventDateText.Who(item.Event))}{links}");
            }
        }
        md.AppendLine().AppendLine($"---").AppendLine().AppendLine($"_{BriefTextRenderer.Footer(brief)}_");
        return md.ToString();
    }

    private static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|') sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }
}
