using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using NewsBrief.Core.Query;

namespace NewsBrief.Bot.Web.Pages;

/// <summary><c>/search?q=&amp;from=&amp;to=</c>: the topic query language ranked by full text, snippets with the matches marked, counts per topic.</summary>
public static class SearchPage
{
    public const string RateLimitPolicy = "search";

    public static void Map(IEndpointRouteBuilder app, ReadingRoomServices room)
    {
        app.MapGet("/search", (HttpContext ctx, string? q, string? from, string? to) => Render(ctx, room, q, from, to, room.Finder.Find))
            .RequireRateLimiting(RateLimitPolicy);
    }

    /// <summary>The page for one search, <paramref name="find"/> doing the finding (<see cref="ArticleFinder.Find"/>; the web benchmark serves its predecessor beside it).</summary>
    public static IResult Render(HttpContext ctx, ReadingRoomServices room, string? q, string? from, string? to,
        Func<TopicQuery, DateTimeOffset, DateTimeOffset, int, bool, FindResult> find)
    {
        ArgumentNullException.ThrowIfNull(room);
        ArgumentNullException.ThrowIfNull(find);
        var request = SearchRequest.Parse(q, from, to, room.Now);
        var html = new StringBuilder("<h1>Search</h1>");
        html.Append("<form method=\"get\" action=\"/search\" role=\"search\">")
            .Append($"<p><input type=\"search\" name=\"q\" value=\"{Html.E(request.Text)}\" placeholder=\"tiktok AND (ban OR prohibit*)\" aria-label=\"query\"></p>")
            .Append($"<p><label>From <input type=\"date\" name=\"from\" value=\"{Html.E(from)}\"></label> <label>to <input type=\"date\" name=\"to\" value=\"{Html.E(to)}\"></label> ")
            .Append("<button type=\"submit\">Search</button></p></form>")
            .Append("<p class=\"muted\">Words match whole words; <code>\"a phrase\"</code>, <code>prefix*</code>, <code>AND</code>, <code>OR</code>, <code>NOT</code> or <code>-word</code>, <code>title:</code>, <code>source:</code>.</p>");
        var status = 200;
        if (request.Error is not null)
        {
            status = 400;
            html.Append("<p class=\"error\" id=\"query-error\">").Append(Html.E(request.Error)).Append("</p>");
        }
        else if (request.Query is { } query)
        {
            var found = find(query, request.From, request.To, room.Options.PageSize, false);
            html.Append($"<p class=\"count\">{(found.Capped ? "At least " : "")}{found.Matched} article{(found.Matched == 1 ? "" : "s")} match.</p>");
            if (found.Topics.Count > 0)
            {
                html.Append("<p class=\"topics\">By topic: ");
                html.AppendJoin(", ", found.Topics.Select(t => $"{Html.E(t.Topic)} ({t.Count})"));
                html.Append("</p>");
            }
            foreach (var f in found.Articles)
            {
                var a = f.Article;
                html.Append($"<div class=\"hit\"><h3><a href=\"{Html.Href(a.Url)}\">").Append(Html.E(a.Title)).Append("</a></h3>")
                    .Append("<p class=\"meta\">").Append(Html.E(room.App.Sources.NameOf(a.SourceId))).Append(" · ").Append(Html.Time(a.DatedAt)).Append("</p>")
                    .Append("<p class=\"snippet\">").Append(Html.Snippet(f.Snippet)).Append("</p></div>");
            }
        }
        return Html.Page(request.Text.Length > 0 ? $"Search: {request.Text}" : "Search", html.ToString(), status, room.Gate.IsAdmin(ctx));
    }
}
