using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using NewsBrief.Bot.Rendering;

namespace NewsBrief.Bot.Web.Pages;

/// <summary><c>/</c> the latest brief, <c>/briefs</c> the archive (paged), <c>/briefs/{id}</c> permalinks.</summary>
public static class BriefPages
{
    public static void Map(IEndpointRouteBuilder app, ReadingRoomServices room)
    {
        app.MapGet("/", (HttpContext ctx) =>
        {
            var stored = room.App.Briefs.Latest("all") ?? room.App.Briefs.Latest();
            if (stored is null)
                return Html.Page("Latest brief", "<h1>No brief yet</h1><p>Briefs appear here once one is made: the daily brief of <code>run</code>, or <code>newsbrief brief</code>.</p>", admin: room.Gate.IsAdmin(ctx));
            return BriefPage(ctx, room, stored, permalinkTitle: true);
        });
        app.MapGet("/briefs/{id:long}", (HttpContext ctx, long id) => room.App.Briefs.Get(id) is { } stored
            ? BriefPage(ctx, room, stored, permalinkTitle: false)
            : Html.Page("Not found", $"<h1>No brief {id}</h1><p><a href=\"/briefs\">All briefs</a></p>", 404));
        app.MapGet("/briefs", (HttpContext ctx, long? before) =>
        {
            var page = room.App.Briefs.List(room.Options.PageSize, before);
            var html = new StringBuilder("<h1>Briefs</h1>");
            if (page.Count == 0) html.Append("<p>No briefs yet.</p>");
            html.Append("<ul class=\"briefs\">");
            foreach (var b in page)
                html.Append($"<li><a href=\"/briefs/{b.Id}\">{b.Created.UtcDateTime:yyyy-MM-dd HH:mm} UTC</a> <span class=\"meta\">{Html.E(BriefView.ScopeLabel(b.Scope))}, ")
                    .Append($"{(b.To - b.From).TotalHours:0}h window, {Html.E(b.Engine)}</span></li>");
            html.Append("</ul>");
            if (page.Count == room.Options.PageSize) html.Append($"<p><a rel=\"next\" href=\"/briefs?before={page[^1].Id}\">Older briefs</a></p>");
            html.Append("<p class=\"muted\"><a href=\"/feeds/briefs.atom\">Atom feed of the briefs</a></p>");
            return Html.Page("Briefs", html.ToString(), admin: room.Gate.IsAdmin(ctx));
        });
    }

    private static IResult BriefPage(HttpContext ctx, ReadingRoomServices room, Core.Storage.StoredBrief stored, bool permalinkTitle)
    {
        var document = BriefJsonRenderer.Parse(stored.Document);
        if (document is null) return Html.Page("Unreadable brief", $"<h1>Brief {stored.Id} cannot be read</h1>", 500);
        return Html.Page($"Brief of {stored.To.UtcDateTime:yyyy-MM-dd}", BriefView.Render(stored, document, permalinkTitle), admin: room.Gate.IsAdmin(ctx));
    }
}
