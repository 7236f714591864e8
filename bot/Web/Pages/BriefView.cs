using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsBrief.Bot.Rendering;
using NewsBrief.Core.Storage;
using NewsBrief.Core.Text;

namespace NewsBrief.Bot.Web.Pages;

/// <summary>
/// A stored brief as the daily brief reads, for the web: summary, topics, stories with their cited
/// sentences (each citation a link to the article) and the numbered articles across outlets.
/// </summary>
public static class BriefView
{
    public static string Render(StoredBrief stored, BriefJsonRenderer.BriefDocument brief, bool permalinkTitle)
    {
        var html = new StringBuilder();
        var date = brief.Window.To.UtcDateTime.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        html.Append("<article class=\"brief\">");
        html.Append(permalinkTitle ? $"<h1><a href=\"/briefs/{stored.Id}\">Brief of {date}</a></h1>" : $"<h1>Brief of {date}</h1>");
        html.Append($"<p class=\"meta\">{Html.Time(brief.Window.From)} to {Html.Time(brief.Window.To)} · {Html.E(ScopeLabel(stored.Scope))} · ")
            .Append($"{brief.Stories.Count} stor{(brief.Stories.Count == 1 ? "y" : "ies")} · <a href=\"/briefs/{stored.Id}\">permalink</a></p>");
        if (brief.Stories.Count == 0) html.Append("<p>No stories in this window.</p>");
        if (brief.Summary.Count > 0)
        {
            var all = brief.Stories.SelectMany(s => s.Articles).DistinctBy(a => a.Id).ToDictionary(a => a.Id);
            html.Append("<h2>In brief</h2><ul class=\"summary\">");
            foreach (var s in brief.Summary)
                html.Append("<li>").Append(Html.E(s.Text)).Append(Marks(s.Citations, id => all.TryGetValue(id, out var a) ? a : null, null)).Append("</li>");
            html.Append("</ul>");
        }
        string? topic = null;
        var n = 0;
        foreach (var story in brief.Stories)
        {
            if (story.Topic != topic)
            {
                topic = story.Topic;
                html.Append("<h2>").Append(Html.E(topic)).Append("</h2>");
            }
            var numbers = story.Articles.Select((a, i) => (a.Id, i)).ToDictionary(x => x.Id, x => x.i + 1);
            html.Append($"<section class=\"story\"><h3>{++n}. ").Append(story.Update ? "<span class=\"update\">Update:</span> " : "")
                .Append(Html.E(story.Headline)).Append("</h3><p>");
            foreach (var sentence in story.Sentences)
                html.Append(Html.E(sentence.Text)).Append(Marks(sentence.Citations, id => story.Articles.FirstOrDefault(a => a.Id == id), numbers)).Append(' ');
            html.Append("</p><ol class=\"sources\">");
            foreach (var a in story.Articles)
                html.Append($"<li><a href=\"{Html.Href(a.Url)}\">").Append(Html.E(a.Title)).Append("</a>, ").Append(Html.E(a.Source))
                    .Append(a.Published is { } p ? $" <span class=\"meta\">{Html.Time(p)}</span>" : "").Append("</li>");
            html.Append("</ol></section>");
        }
        var e = brief.Engine;
        html.Append($"<footer><p>Written by the {Html.E(e.Name)} engine{(e.Model is null ? "" : " (" + Html.E(e.Model) + ")")}")
            .Append(e.Checked > 0 ? $"; {Counted.Of(e.Checked, "sentence")} checked against their sources, {e.Dropped} dropped" : "").Append(".</p></footer>");
        html.Append("</article>");
        return html.ToString();
    }

    /// <summary>The citation marks of a sentence: [n] linked to the cited article (numbered within the story, or by id in the summary).</summary>
    private static string Marks(IReadOnlyList<long> citations, Func<long, BriefJsonRenderer.ArticleDocument?> find, IReadOnlyDictionary<long, int>? numbers)
    {
        var marks = new StringBuilder();
        foreach (var id in citations)
        {
            if (find(id) is not { } a) continue;
            var label = numbers is not null && numbers.TryGetValue(id, out var n) ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : Html.E(a.Source);
            marks.Append($"<sup><a class=\"cite\" href=\"{Html.Href(a.Url)}\" title=\"{Html.E(a.Title)}\">[{label}]</a></sup>");
        }
        return marks.ToString();
    }

    public static string ScopeLabel(string scope) => scope switch
    {
        "all" => "all topics",
        _ when scope.StartsWith("topic:", StringComparison.Ordinal) => "topic " + scope["topic:".Length..],
        _ when scope.StartsWith("query:", StringComparison.Ordinal) => "query " + scope["query:".Length..],
        _ => scope,
    };
}
