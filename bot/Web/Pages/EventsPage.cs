using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NewsBrief.Bot.Briefing;
using NewsBrief.Bot.Events;
using NewsBrief.Bot.Rendering;
using NewsBrief.Core.Domain;

namespace NewsBrief.Bot.Web.Pages;

/// <summary>
/// <c>/events</c>: the upcoming events of the stored articles (from today in <c>Brief:TimeZone</c>, 30 days unless
/// <c>from</c>/<c>to</c> say otherwise; <c>topic</c> or <c>q</c> keep those whose articles match), grouped under their
/// day, their week ("Week of 7 December") or their month as precisely as their date is known, each with the articles
/// that report it. Plain HTML, no script.
/// </summary>
public static class EventsPage
{
    /// <summary>Days listed when no <c>to</c> is given.</summary>
    public const int DefaultDays = 30;

    /// <summary>Longest range a request may ask for.</summary>
    public const int MaxDays = 3660;

    public static void Map(IEndpointRouteBuilder app, ReadingRoomServices room)
    {
        app.MapGet("/events", (HttpContext ctx, string? from, string? to, string? topic, string? q) =>
        {
            var html = new StringBuilder("<h1>Coming up</h1>");
            html.Append("<form method=\"get\" action=\"/events\"><p>")
                .Append($"<label>From <input type=\"date\" name=\"from\" value=\"{Html.E(from)}\"></label> ")
                .Append($"<label>To <input type=\"date\" name=\"to\" value=\"{Html.E(to)}\"></label> ")
                .Append("<label>Topic <select name=\"topic\"><option value=\"\">all</option>");
            foreach (var (t, _) in room.App.Config.Topics)
                html.Append($"<option{(string.Equals(t.Name, topic, StringComparison.OrdinalIgnoreCase) ? " selected" : "")}>{Html.E(t.Name)}</option>");
            html.Append("</select></label> ")
                .Append($"<label>Query <input type=\"text\" name=\"q\" value=\"{Html.E(q)}\"></label> ")
                .Append("<button type=\"submit\">Show</button> <a href=\"/feeds/events.ics\">Calendar feed (.ics)</a></p></form>");
            if (!TryListing(room, from, to, topic, q, DefaultDays, out var range, out var listing, out var error))
                return Html.Page("Coming up", html.Append("<p class=\"error\">").Append(Html.E(error)).Append("</p>").ToString(), 400, room.Gate.IsAdmin(ctx));
            html.Append($"<p class=\"meta\">{range.First:d MMMM yyyy} to {range.Last:d MMMM yyyy}: {listing!.Events.Count} event{(listing.Events.Count == 1 ? "" : "s")}</p>");
            if (listing.Events.Count == 0) html.Append("<p>Nothing announced for these days yet.</p>");
            foreach (var group in Groups(listing.Events))
            {
                html.Append($"<section class=\"event-group\" data-precision=\"{group.Key.Precision.ToString().ToLowerInvariant()}\"><h2>{Html.E(Heading(group.Key.Precision, group.Key.Date))}</h2><ul class=\"events\">");
                foreach (var e in group) html.Append(EventItem(room, e, listing));
                html.Append("</ul></section>");
            }
            return Html.Page("Coming up", html.ToString(), admin: room.Gate.IsAdmin(ctx));
        });
    }

    /// <summary>One event as a list item: title, kind, participants and place, and its citations as links.</summary>
    public static string EventItem(ReadingRoomServices room, UpcomingEvent e, EventListing listing)
    {
        var html = new StringBuilder($"<li class=\"event\" data-kind=\"{Html.E(e.Kind)}\" data-date=\"{e.Date:yyyy-MM-dd}\">");
        html.Append($"<strong class=\"title\">{Html.E(e.Title)}</strong> <span class=\"meta\">{Html.E(e.Kind)}, {Html.E(EventDateText.Format(e))}{Html.E(EventDateText.Who(e))}</span>");
        html.Append("<ul class=\"citations\">");
        foreach (var c in e.Citations)
        {
            if (!listing.Articles.TryGetValue(c.ArticleId, out var a)) continue;
            html.Append($"<li><a class=\"cite\" href=\"{Html.Href(a.Url)}\" title=\"{Html.E(c.Sentence)}\">{Html.E(room.App.Sources.NameOf(a.SourceId))}: {Html.E(a.Title)}</a>");
            if (c.StoryId is { } story) html.Append($" <a class=\"story\" href=\"/stories/{story}\">story</a>");
            html.Append("</li>");
        }
        return html.Append("</ul></li>").ToString();
    }

    /// <summary>
    /// Reads the range and filter of a request (dates as YYYY-MM-DD, from today in Brief:TimeZone by default) and lists
    /// the events; false with a message naming the bad parameter.
    /// </summary>
    public static bool TryListing(ReadingRoomServices room, string? from, string? to, string? topic, string? q, int defaultDays,
        out (DateOnly First, DateOnly Last) range, out EventListing? listing, out string error)
    {
        range = default;
        listing = null;
        error = "";
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(room.Now, room.App.Config.BriefTimeZone).DateTime);
        if (!TryDay(from, "from", out var first, out error) || !TryDay(to, "to", out var last, out error)) return false;
        var start = first ?? today;
        var end = last ?? start.AddDays(defaultDays - 1);
        if (end < start) { error = $"to ({end:yyyy-MM-dd}) is before from ({start:yyyy-MM-dd})"; return false; }
        if (end.DayNumber - start.DayNumber > MaxDays) { error = "the range is longer than ten years; give a shorter from/to"; return false; }
        try
        {
            var filter = room.App.BriefService.ResolveFilter(new BriefScope(string.IsNullOrWhiteSpace(topic) ? null : topic,
                string.IsNullOrWhiteSpace(q) ? null : q.Trim()));
            listing = room.App.Events.Find(start, end, filter?.Query);
        }
        catch (BriefScopeException e) { error = e.Message; return false; }
        range = (start, end);
        return true;
    }

    private static bool TryDay(string? text, string name, out DateOnly? day, out string error)
    {
        day = null;
        error = "";
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) { day = d; return true; }
        error = $"{name}: '{text}' is not a date like 2025-02-13";
        return false;
    }

    // Soonest first; on one date a day's events before its week's and its month's.
    private static IEnumerable<IGrouping<(EventPrecision Precision, DateOnly Date), UpcomingEvent>> Groups(IReadOnlyList<UpcomingEvent> events) =>
        events.OrderBy(e => e.Date).ThenBy(e => e.Precision).ThenBy(e => e.Id).GroupBy(e => (e.Precision, e.Date));

    private static string Heading(EventPrecision precision, DateOnly date) => precision switch
    {
        EventPrecision.Week => "Week of " + date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
        EventPrecision.Month => date.ToString("MMMM yyyy", CultureInfo.InvariantCulture) + " (day not given)",
        _ => date.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture),
    };
}
