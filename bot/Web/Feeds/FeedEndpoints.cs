using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using NewsBrief.Bot.Events;
using NewsBrief.Bot.Rendering;
using NewsBrief.Bot.Web.Pages;
using NewsBrief.Core.Query;

namespace NewsBrief.Bot.Web.Feeds;

/// <summary>
/// Atom feeds out: <c>/feeds/briefs.atom</c> (each brief an entry), <c>/feeds/topics/{name}.atom</c> (the
/// topic's articles of the last week) and <c>/feeds/subscriptions/{id}.atom?token=</c> (its matches; the
/// token is an HMAC of the id, shown to admins on /subscriptions). Also <c>/sources.opml</c>, and the iCalendar feeds
/// <c>/feeds/events.ics</c> and <c>/feeds/topics/{name}/events.ics</c> (RFC 5545, as <c>newsbrief events --format ics</c>).
/// </summary>
public static class FeedEndpoints
{
    public const int MaxEntries = 50;
    public static readonly TimeSpan ArticleWindow = TimeSpan.FromDays(7);

    public static void Map(IEndpointRouteBuilder app, ReadingRoomServices room)
    {
        app.MapGet("/feeds/briefs.atom", (HttpContext ctx) =>
        {
            var site = Site(ctx);
            var briefs = room.App.Briefs.List(MaxEntries);
            var entries = briefs.Select(b =>
            {
                var doc = BriefJsonRenderer.Parse(b.Document);
                var html = doc is null ? null : BriefView.Render(b, doc, permalinkTitle: false);
                var summary = doc is null ? null : string.Join(" ", doc.Stories.Take(5).Select(s => s.Headline));
                return new AtomEntry($"{site}/briefs/{b.Id}", $"Brief of {b.To.UtcDateTime:d MMMM yyyy HH:mm} UTC ({BriefView.ScopeLabel(b.Scope)})",
                    $"{site}/briefs/{b.Id}", b.Created, html, summary);
            }).ToList();
            var updated = briefs.Count > 0 ? briefs[0].Created : room.Started;
            return Atom(AtomWriter.Write($"{site}/feeds/briefs.atom", "NewsBrief: briefs", $"{site}/feeds/briefs.atom", $"{site}/briefs", updated, entries));
        });
        app.MapGet("/feeds/topics/{name}.atom", (HttpContext ctx, string name) =>
        {
            var topic = room.App.Config.Topics.FirstOrDefault(t => string.Equals(t.Topic.Name, name, StringComparison.OrdinalIgnoreCase));
            if (topic.Topic is null) return Results.NotFound($"no topic '{name}'");
            var site = Site(ctx);
            var self = $"{site}/feeds/topics/{Uri.EscapeDataString(topic.Topic.Name)}.atom";
            return Atom(ArticlesFeed(room, topic.Query, self, $"NewsBrief: {topic.Topic.Name}", $"{site}/search?q={Uri.EscapeDataString(topic.Query.Text)}"));
        });
        app.MapGet("/feeds/subscriptions/{id:long}.atom", (HttpContext ctx, long id, string? token) =>
        {
            var expected = Encoding.ASCII.GetBytes(AdminGate.FeedToken(room.FeedKey, id));
            var given = Encoding.ASCII.GetBytes(token ?? "");
            var sub = room.Alerting.Subscriptions.Get(id);
            // The same 404 for a wrong token and a missing subscription: the URL reveals nothing without the token.
            if (!CryptographicOperations.FixedTimeEquals(expected, given) || sub is null) return Results.NotFound("no such feed");
            var site = Site(ctx);
            if (!TopicQuery.TryParse(sub.Query, out var query, out _)) return Results.Problem("the subscription's query no longer parses");
            return Atom(ArticlesFeed(room, query!, $"{site}/feeds/subscriptions/{id}.atom?token={token}", $"NewsBrief: {sub.Label}", $"{site}/subscriptions"));
        });
        app.MapGet("/feeds/events.ics", (string? from, string? to, string? q) => Calendar(room, from, to, null, q, "NewsBrief: coming up"));
        app.MapGet("/feeds/topics/{name}/events.ics", (string name, string? from, string? to) =>
            room.App.Config.Topics.Any(t => string.Equals(t.Topic.Name, name, StringComparison.OrdinalIgnoreCase))
                ? Calendar(room, from, to, name, null, $"NewsBrief: coming up in {name}")
                : Results.NotFound($"no topic '{name}'"));
        app.MapGet("/sources.opml", () => Results.Text(Sources.OpmlFile.Write(room.App.Sources.Current), "text/x-opml; charset=utf-8", Encoding.UTF8));
    }

    private static string ArticlesFeed(ReadingRoomServices room, TopicQuery query, string self, string title, string alternate)
    {
        var now = room.Now;
        var found = room.Finder.Find(query, now - ArticleWindow, now, MaxEntries, newestFirst: true);
        var entries = found.Articles.Select(f => new AtomEntry(
            f.Article.Guid is { Length: > 0 } g && Uri.TryCreate(g, UriKind.Absolute, out _) ? g : f.Article.CanonicalUrl,
            f.Article.Title, f.Article.Url, f.Article.DatedAt, null,
            f.Article.Description ?? Lead(f.Article.BodyOrDescription), room.App.Sources.NameOf(f.Article.SourceId)));
        var updated = found.Articles.Count > 0 ? found.Articles.Max(f => f.Article.DatedAt) : room.Started;
        return AtomWriter.Write(self, title, self, alternate, updated, entries);
    }

    // The same calendar as `newsbrief events --format ics` for the same range (default: the next 14 days).
    private static IResult Calendar(ReadingRoomServices room, string? from, string? to, string? topic, string? q, string name)
    {
        if (!EventsPage.TryListing(room, from, to, topic, q, EventQuery.DefaultDays, out _, out var listing, out var error))
            return Results.BadRequest(error);
        var ics = ICalendarWriter.Write(listing!.Events, listing.Articles, room.App.BriefService.SourceName, room.Now, name);
        return Results.Text(ics, "text/calendar; charset=utf-8", Encoding.UTF8);
    }

    private static string Lead(string text) => text.Length <= 400 ? text : text[..400] + "…";

    private static IResult Atom(string xml) => Results.Text(xml, AtomWriter.ContentType, Encoding.UTF8);

    /// <summary>The site's own address as the request reached it, for absolute ids and links.</summary>
    private static string Site(HttpContext ctx) => $"{ctx.Request.Scheme}://{ctx.Request.Host}";
}
