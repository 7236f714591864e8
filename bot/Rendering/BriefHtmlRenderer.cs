using System.Globalization;
using System.Net;
using System.Text;
using NewsBrief.Core.Domain;

namespace NewsBrief.Bot.Rendering;

/// <summary>
/// A standalone HTML page of a brief (to mail or publish): summary, topics, stories with cited
/// sentences and numbered links. Every text from an article is HTML-encoded; links are http(s) only.
/// </summary>
public static class BriefHtmlRenderer
{
    public static string Render(Brief brief, Func<string, string> sourceName)
    {
        var date = brief.To.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        var html = new StringBuilder();
        html.AppendLine($"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>NewsBrief, {date}</title>");
        html.AppendLine("<style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;line-height:1.5}sup a{text-decoration:none}.update{color:#a60}footer{color:#666;font-size:.9em}</style></head><body>");
        html.AppendLine($"<h1>NewsBrief, {date}</h1>");
        html.AppendLine($"<p><em>{brief.From.UtcDateTime:yyyy-MM-dd HH:mm} to {brief.To.UtcDateTime:yyyy-MM-dd HH:mm} UTC</em></p>");
        if (brief.Stories.Count == 0) html.AppendLine("<p>No stories in this window.</p>");
        if (brief.Summary.Count > 0)
        {
            html.AppendLine("<h2>In brief</h2><ul>");
            // Each bullet links to its story below and to the article it cites.
            foreach (var s in brief.Summary)
            {
                var number = BriefTextRenderer.StoryNumber(brief, s);
                var cited = number > 0 ? brief.Stories[number - 1].Articles.FirstOrDefault(a => s.Citations.Contains(a.Id)) : null;
                var source = cited is null ? "" : $" <sup><a href=\"{Href(cited.Url)}\">{E(sourceName(cited.SourceId))}</a></sup>";
                html.AppendLine(number > 0 ? $"<li>{E(s.Text)}{source} <a href=\"#story-{number}\">(story {number})</a></li>" : $"<li>{E(s.Text)}{source}</li>");
            }
            html.AppendLine("</ul>");
        }
        string? topic = null;
        var n = 0;
        foreach (var story in brief.Stories)
        {
            if (story.Section != topic)
            {
                topic = story.Section;
                html.AppendLine($"<h2>{E(topic)}</h2>");
            }
            var numbers = CitationNumbers.For(story);
            html.AppendLine($"<h3 id=\"story-{++n}\">{n}. {(story.IsUpdate ? "<span class=\"update\">Update:</span> " : "")}{E(story.Story.Headline)}</h3>");
            if (BriefTextRenderer.Timeline(story, sourceName) is { } line) html.AppendLine($"<p class=\"timeline\"><small>{E(line)}</small></p>");
            html.AppendLine("<p>");
            foreach (var sentence in story.Sentences)
            {
                var marks = string.Concat(sentence.Citations.Where(numbers.ContainsKey)
                    .Select(c => $"<sup><a href=\"{Href(story.Articles.First(a => a.Id == c).Url)}\">[{numbers[c]}]</a></sup>"));
                html.AppendLine($"{E(sentence.Text)}{marks} ");
            }
            html.AppendLine("</p><ol>");
            foreach (var article in story.Articles)
                html.AppendLine($"<li><a href=\"{Href(article.Url)}\">{E(article.Title)}</a>, {E(sourceName(article.SourceId))}, <time datetime=\"{article.DatedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}\">{E(BriefTextRenderer.Stamp(article.DatedAt))}</time></li>");
            html.AppendLine("</ol>");
        }
        if (brief.Upcoming.Count > 0)
        {
            html.AppendLine("<h2>Coming up</h2><ul>");
            foreach (var item in brief.Upcoming)
            {
                var links = string.Concat(item.Articles.Select((a, i) => $"<sup><a href=\"{Href(a.Url)}\" title=\"{E(sourceName(a.SourceId))}\">[{i + 1}]</a></sup>"));
                html.AppendLine($"<li><strong>{E(EventDateText.Format(item.Event))}</strong>: {E(item.Event.Title)}{E(EventDateText.Who(item.Event))}{links}</li>");
            }
            html.AppendLine("</ul>");
        }
        html.AppendLine($"<footer><p>{E(BriefTextRenderer.Footer(brief))}</p></footer></body></html>");
        return html.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Only http(s) links are written as links; anything else (javascript:, data:) becomes an inert "#".</summary>
    private static string Href(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" ? E(u.AbsoluteUri) : "#";
}
