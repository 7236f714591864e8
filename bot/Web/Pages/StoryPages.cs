using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NewsBrief.Core.Domain;
using NewsBrief.Core.Query;
using NewsBrief.Summariser.Briefing;
using NewsBrief.Summariser.Extractive;
using NewsBrief.Core.Text;

namespace NewsBrief.Bot.Web.Pages;

/// <summary>
/// <c>/stories</c> (filter by topic, query, window) and <c>/stories/{id}</c>: the timeline of every article across
/// outlets, an extractive summary with its citations (offline: a page view never calls a model), and the briefs
/// and subscriptions that carried the story.
/// </summary>
public static class StoryPages
{
    public const int ListLimit = 100;

    public static void Map(IEndpointRouteBuilder app, ReadingRoomServices room)
    {
        app.MapGet("/stories", (HttpContext ctx, string? topic, string? q, string? window) =>
        {
            var html = new StringBuilder("<h1>Stories</h1>");
            html.Append("<form method=\"get\" action=\"/stories\"><p>")
                .Append($"<label>Topic <select name=\"topic\"><option value=\"\">all</option>");
            foreach (var (t, _) in room.App.Config.Topics)
                html.Append($"<option{(string.Equals(t.Name, topic, StringComparison.OrdinalIgnoreCase) ? " selected" : "")}>{Html.E(t.Name)}</option>");
            html.Append("</select></label> ")
                .Append($"<label>Query <input type=\"text\" name=\"q\" value=\"{Html.E(q)}\"></label> ")
                .Append($"<label>Window <input type=\"text\" name=\"window\" value=\"{Html.E(window ?? "7d")}\" size=\"4\"></label> ")
                .Append("<button type=\"submit\">Show</button></p></form>");
            TopicQuery? query = null;
            string? error = null;
            if (!StoryFilter.TryWindow(window, out var span, out var windowError)) error = windowError;
            else if (!string.IsNullOrWhiteSpace(q))
            {
                if (TopicQuery.TryParse(q.Trim(), out var parsed, out var e)) query = parsed;
                else error = $"bad query: {e!.Message}";
            }
            if (error is not null)
                return Html.Page("Stories", html.Append("<p class=\"error\">").Append(Html.E(error)).Append("</p>").ToString(), 400, room.Gate.IsAdmin(ctx));
            var stories = StoryFilter.Recent(room, span, string.IsNullOrWhiteSpace(topic) ? null : topic, query, ListLimit);
            if (stories.Count == 0) html.Append("<p>No stories match.</p>");
            html.Append("<ul class=\"stories\">");
            foreach (var s in stories) html.Append("<li>").Append(StoryLink(s)).Append(' ').Append(StoryMeta(room, s)).Append("</li>");
            html.Append("</ul>");
            return Html.Page("Stories", html.ToString(), admin: room.Gate.IsAdmin(ctx));
        });
        app.MapGet("/stories/{id:long}", async (HttpContext ctx, long id) =>
        {
            if (room.Stories.Get(id) is not { } story)
                return Html.Page("Not found", $"<h1>No story {id}</h1><p><a href=\"/stories\">Recent stories</a></p>", 404);
            if (story.Id != id) return Results.Redirect($"/stories/{story.Id}"); // merged into another story
            return Html.Page(story.Headline, await StoryHtmlAsync(room, story, ctx.RequestAborted), admin: room.Gate.IsAdmin(ctx));
        });
    }

    public static string StoryLink(Story s) => s.Id > 0
        ? $"<a href=\"/stories/{s.Id}\">{Html.E(s.Headline)}</a>"
        : Html.E(s.Headline);

    public static string StoryMeta(ReadingRoomServices room, Story s) =>
        $"<span class=\"meta\">{s.Outlets.Count} outlet{(s.Outlets.Count == 1 ? "" : "s")}, {s.Articles.Count} article{(s.Articles.Count == 1 ? "" : "s")}"
        + (s.Topics.Count > 0 ? ", " + Html.E(string.Join(", ", s.Topics)) : "") + $", updated {Html.Time(s.LastUpdated)}</span>";

    // The upcoming events the story's articles announce (a year ahead), as on /events.
    private static void StoryEvents(ReadingRoomServices room, Story story, StringBuilder html)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(room.Now, room.App.Brief.Zone()).DateTime);
        var ids = story.ArticleIds.ToHashSet();
        var listing = room.App.Events.Find(today, today.AddDays(366), null, limit: 5000);
        var mine = listing.Events.Where(e => e.Citations.Any(c => ids.Contains(c.ArticleId))).ToList();
        if (mine.Count == 0) return;
        html.Append("<h2>Coming up</h2><ul class=\"events\">");
        foreach (var e in mine) html.Append(EventsPage.EventItem(room, e, listing));
        html.Append("</ul>");
    }

    private static async Task<string> StoryHtmlAsync(ReadingRoomServices room, Story story, CancellationToken ct)
    {
        var html = new StringBuilder($"<article class=\"story-page\"><h1>{Html.E(story.Headline)}</h1>");
        html.Append("<p class=\"meta\">").Append($"{Counted.Of(story.Outlets.Count, "outlet")} · first seen {Html.Time(story.FirstSeen)} · updated {Html.Time(story.LastUpdated)}");
        foreach (var t in story.Topics) html.Append($" · <a href=\"/topics/{Uri.EscapeDataString(t)}\">{Html.E(t)}</a>");
        html.Append("</p>");
        var numbers = story.Articles.Select((a, i) => (a.Id, i)).ToDictionary(x => x.Id, x => x.i + 1);
        var summary = await room.App.Extractive.SummariseAsync(story, ct);
        html.Append("<h2>Summary</h2><p class=\"summary\">");
        foreach (var sentence in summary.Sentences)
        {
            html.Append(Html.E(sentence.Text));
            foreach (var c in sentence.Citations.Where(numbers.ContainsKey))
            {
                var a = story.Articles.First(x => x.Id == c);
                html.Append($"<sup><a class=\"cite\" href=\"{Html.Href(a.Url)}\" title=\"{Html.E(a.Title)}\">[{numbers[c]}]</a></sup>");
            }
            html.Append(' ');
        }
        html.Append("</p><h2>Timeline</h2><ol class=\"timeline\">");
        foreach (var a in story.Articles)
            html.Append($"<li class=\"outlet\" data-source=\"{Html.E(a.SourceId)}\">").Append(Html.Time(a.DatedAt)).Append(" · <strong>").Append(Html.E(room.App.Sources.NameOf(a.SourceId)))
                .Append($"</strong>: <a href=\"{Html.Href(a.Url)}\">").Append(Html.E(a.Title)).Append("</a></li>");
        html.Append("</ol>");
        StoryEvents(room, story, html);
        var ids = story.ArticleIds;
        var briefs = room.App.Briefs.Citing(ids);
        var subscriptions = room.AlertRecords.SubscriptionsAlerted(ids);
        html.Append("<h2>Carried in</h2>");
        if (briefs.Count == 0 && subscriptions.Count == 0) html.Append("<p>No brief or alert has carried this story yet.</p>");
        if (briefs.Count > 0)
        {
            html.Append("<ul class=\"carried\">");
            foreach (var b in briefs) html.Append($"<li><a href=\"/briefs/{b.Id}\">Brief of {b.Created.UtcDateTime:yyyy-MM-dd HH:mm} UTC</a> <span class=\"meta\">{Html.E(BriefView.ScopeLabel(b.Scope))}</span></li>");
            html.Append("</ul>");
        }
        if (subscriptions.Count > 0)
        {
            html.Append("<p>Alerted by subscription").Append(subscriptions.Count == 1 ? " " : "s ");
            html.AppendJoin(", ", subscriptions.Select(s => room.Alerting.Subscriptions.Get(s) is { } sub ? Html.E(sub.Label) : $"#{s} (removed)"));
            html.Append("</p>");
        }
        return html.Append("</article>").ToString();
    }
}
