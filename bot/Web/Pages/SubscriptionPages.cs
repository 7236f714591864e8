using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using NewsBrief.Bot.Rendering;
using NewsBrief.Bot.Alerts;
using NewsBrief.Core.Query;

namespace NewsBrief.Bot.Web.Pages;

/// <summary>
/// <c>/subscriptions</c>: the list, a preview of a query ("would have matched N articles in the last 7
/// days", listing them), creating (admin, antiforgery, query checked with its position named) and deleting.
/// </summary>
public static class SubscriptionPages
{
    public const string WebOwner = "web";
    public static readonly TimeSpan PreviewWindow = TimeSpan.FromDays(7);

    public static void Map(IEndpointRouteBuilder app, ReadingRoomServices room)
    {
        app.MapGet("/subscriptions", (HttpContext ctx, IAntiforgery antiforgery, string? query, string? name, string? to) =>
            Render(ctx, antiforgery, room, query, name, to, null, 200));
        app.MapPost("/subscriptions", async (HttpContext ctx, IAntiforgery antiforgery) =>
        {
            if (!room.Gate.IsAdmin(ctx)) return Forbidden(ctx, room);
            if (await FormGuard.RejectAsync(ctx, antiforgery) is { } rejected) return rejected;
            var form = await ctx.Request.ReadFormAsync();
            string query = form["query"].ToString(), name = form["name"].ToString(), to = form["to"].ToString(), mode = form["mode"].ToString();
            try
            {
                var sub = SubscriptionRequest.Add(room.Alerting.Subscriptions, room.Alerting.Options, WebOwner, query,
                    to.Length == 0 ? "console" : to, mode.Length == 0 ? "instant" : mode, name.Length == 0 ? null : name, room.Now);
                return Results.Redirect($"/subscriptions?created={sub.Id}#subscription-{sub.Id}");
            }
            catch (SubscriptionException e)
            {
                return Render(ctx, antiforgery, room, query, name, to, e.Message, 400);
            }
        });
        app.MapPost("/subscriptions/{id:long}/delete", async (HttpContext ctx, IAntiforgery antiforgery, long id) =>
        {
            if (!room.Gate.IsAdmin(ctx)) return Forbidden(ctx, room);
            if (await FormGuard.RejectAsync(ctx, antiforgery) is { } rejected) return rejected;
            return room.Alerting.Subscriptions.Remove(id)
                ? Results.Redirect("/subscriptions")
                : Html.Page("Not found", $"<h1>No subscription {id}</h1>", 404, true);
        });
    }

    public static IResult Forbidden(HttpContext ctx, ReadingRoomServices room) => Html.Page("Not allowed",
        "<h1>Not allowed</h1><p class=\"error\" id=\"forbidden\">Changing subscriptions needs the admin token. "
        + (room.Gate.Configured ? "<a href=\"/login?returnUrl=/subscriptions\">Log in</a> first." : "Set Web:AdminToken (environment or user secrets) to allow changes.") + "</p>", 403);

    private static IResult Render(HttpContext ctx, IAntiforgery antiforgery, ReadingRoomServices room, string? query, string? name, string? to, string? error, int status)
    {
        var admin = room.Gate.IsAdmin(ctx);
        var html = new StringBuilder("<h1>Subscriptions</h1>");
        var subs = room.Alerting.Subscriptions.List();
        if (subs.Count == 0) html.Append("<p>No subscriptions yet.</p>");
        else
        {
            html.Append("<div class=\"table\"><table><thead><tr><th>Id</th><th>Query</th><th>To</th><th>Mode</th><th>Owner</th><th></th></tr></thead><tbody>");
            foreach (var s in subs)
            {
                var row = SubscriptionRow.From(s);
                html.Append($"<tr id=\"subscription-{s.Id}\"><td>{s.Id}</td><td>").Append(Html.E(s.Label)).Append(s.Name is null ? "" : "<br><code>" + Html.E(s.Query) + "</code>")
                    .Append("</td><td>").Append(Html.E(row.Destination)).Append("</td><td>").Append(Html.E(row.Mode)).Append("</td><td>").Append(Html.E(s.Owner)).Append("</td><td>");
                if (admin)
                {
                    html.Append($"<a href=\"/feeds/subscriptions/{s.Id}.atom?token={AdminGate.FeedToken(room.FeedKey, s.Id)}\">feed</a> ")
                        .Append($"<form class=\"inline\" method=\"post\" action=\"/subscriptions/{s.Id}/delete\">").Append(FormGuard.Field(ctx, antiforgery))
                        .Append("<button type=\"submit\">Delete</button></form>");
                }
                html.Append("</td></tr>");
            }
            html.Append("</tbody></table></div>");
        }
        html.Append("<h2>New subscription</h2>");
        if (error is not null) html.Append("<p class=\"error\" id=\"subscription-error\">").Append(Html.E(error)).Append("</p>");
        if (!admin) html.Append(room.Gate.Configured
            ? "<p class=\"muted\">Creating and deleting need the admin token: <a href=\"/login?returnUrl=/subscriptions\">log in</a>.</p>"
            : "<p class=\"muted\">Creating and deleting need Web:AdminToken to be set.</p>");
        html.Append("<form method=\"get\" action=\"/subscriptions\" class=\"preview\">")
            .Append($"<p><label>Query <input type=\"text\" name=\"query\" value=\"{Html.E(query)}\" placeholder=\"tiktok AND (ban OR prohibit*)\"></label></p>")
            .Append($"<input type=\"hidden\" name=\"name\" value=\"{Html.E(name)}\"><input type=\"hidden\" name=\"to\" value=\"{Html.E(to)}\">")
            .Append("<p><button type=\"submit\">Preview</button></p></form>");
        if (!string.IsNullOrWhiteSpace(query) && error is null) html.Append(Preview(room, query));
        html.Append("<form method=\"post\" action=\"/subscriptions\" class=\"create\">").Append(FormGuard.Field(ctx, antiforgery))
            .Append($"<p><label>Query <input type=\"text\" name=\"query\" value=\"{Html.E(query)}\" required></label></p>")
            .Append($"<p><label>Name <input type=\"text\" name=\"name\" value=\"{Html.E(name)}\" maxlength=\"{SubscriptionRequest.MaxNameLength}\"></label></p>")
            .Append($"<p><label>Send to <input type=\"text\" name=\"to\" value=\"{Html.E(string.IsNullOrEmpty(to) ? "console" : to)}\"></label> ")
            .Append("<label>Mode <select name=\"mode\"><option>instant</option><option>digest</option></select></label></p>")
            .Append("<p><button type=\"submit\">Create subscription</button></p></form>");
        return Html.Page("Subscriptions", html.ToString(), status, admin);
    }

    /// <summary>"Would have matched N articles in the last 7 days", with the newest of them; a bad query names its position.</summary>
    private static string Preview(ReadingRoomServices room, string query)
    {
        if (!TopicQuery.TryParse(query.Trim(), out var parsed, out var error))
            return $"<p class=\"error\" id=\"preview-error\">bad query: {Html.E(error!.Message)}</p>";
        var now = room.Now;
        var found = room.Finder.Find(parsed!, now - PreviewWindow, now, 20, newestFirst: true);
        var html = new StringBuilder($"<div class=\"preview-result\"><p id=\"preview-count\">Would have matched {(found.Capped ? "at least " : "")}{found.Matched} article{(found.Matched == 1 ? "" : "s")} in the last 7 days.</p><ul>");
        foreach (var f in found.Articles)
            html.Append($"<li><a href=\"{Html.Href(f.Article.Url)}\">").Append(Html.E(f.Article.Title)).Append("</a> <span class=\"meta\">")
                .Append(Html.E(room.App.Sources.NameOf(f.Article.SourceId))).Append(", ").Append(Html.Time(f.Article.DatedAt)).Append("</span></li>");
        return html.Append("</ul></div>").ToString();
    }
}
