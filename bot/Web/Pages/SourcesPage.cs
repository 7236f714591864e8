using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using NewsBrief.Bot.Rendering;
using NewsBrief.Core.Text;

namespace NewsBrief.Bot.Web.Pages;

/// <summary><c>/sources</c>: each source's health, last poll, last error and articles per day over the last week.</summary>
public static class SourcesPage
{
    public static void Map(IEndpointRouteBuilder app, ReadingRoomServices room)
    {
        app.MapGet("/sources", (HttpContext ctx) =>
        {
            var now = room.Now;
            var rows = SourceRow.List(room.App.Sources.Current, room.App.SourceStates.GetAll());
            var week = room.App.Articles.CountBySource(now.AddDays(-7), now);
            var html = new StringBuilder($"<h1>Sources</h1><p class=\"meta\">{Counted.Of(rows.Count, "source")} · <a href=\"/sources.opml\">OPML</a></p>");
            html.Append("<div class=\"table\"><table><thead><tr><th>Source</th><th>Health</th><th>Last poll</th><th>Articles/day (7 days)</th><th>Stored</th><th>Last error</th></tr></thead><tbody>");
            foreach (var r in rows)
            {
                var perDay = week.GetValueOrDefault(r.Id) / 7.0;
                html.Append($"<tr class=\"{Html.E(r.Health)}\"><td><a href=\"{Html.Href(r.Url)}\">").Append(Html.E(r.Name)).Append("</a><br><span class=\"meta\">").Append(Html.E(r.Id)).Append("</span></td>")
                    .Append("<td>").Append(Html.E(r.Health)).Append(r.ConsecutiveFailures > 0 ? $" ({r.ConsecutiveFailures} failures)" : "").Append("</td>")
                    .Append("<td>").Append(Html.Time(r.LastPolled)).Append(r.LastOutcome is null ? "" : "<br><span class=\"meta\">" + Html.E(r.LastOutcome) + "</span>").Append("</td>")
                    .Append("<td>").Append(perDay.ToString("0.0", CultureInfo.InvariantCulture)).Append("</td>")
                    .Append("<td>").Append(r.Articles.ToString(CultureInfo.InvariantCulture)).Append("</td>")
                    .Append("<td>").Append(Html.E(r.LastError)).Append("</td></tr>");
            }
            html.Append("</tbody></table></div>");
            return Html.Page("Sources", html.ToString(), admin: room.Gate.IsAdmin(ctx));
        });
    }
}
