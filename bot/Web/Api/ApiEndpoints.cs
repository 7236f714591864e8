using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using NewsBrief.Bot.Alerts;
using NewsBrief.Bot.Rendering;
using NewsBrief.Bot.Web.Pages;

namespace NewsBrief.Bot.Web.Api;

/// <summary>
/// The JSON API, in the CLI's <c>--format json</c> contracts: <c>/api/briefs/latest</c> and <c>/api/briefs/{id}</c>
/// (the brief document), <c>/api/search?q=</c>, <c>/api/sources</c> (as <c>sources list</c>), <c>/api/subscriptions</c>
/// (as <c>subscriptions</c>; POST and DELETE need <c>Authorization: Bearer</c> with the admin token).
/// </summary>
public static class ApiEndpoints
{
    /// <summary>The <c>/api/search</c> answer: the query, how many matched (at least, when capped), counts per topic, the hits.</summary>
    public sealed record SearchAnswer(string Query, int Matched, bool Capped, IReadOnlyList<TopicCount> Topics, IReadOnlyList<SearchHitRow> Hits);

    /// <summary>One hit; the snippet marks matches with [ and ].</summary>
    public sealed record SearchHitRow(long Id, string Title, string Url, string Source, DateTimeOffset? Published, string Snippet);

    /// <summary>The body of <c>POST /api/subscriptions</c>.</summary>
    public sealed record NewSubscription(string? Query, string? Name, string? To, string? Mode);

    /// <summary>A story in <c>/api/stories</c>: its articles across outlets, oldest first.</summary>
    public sealed record StoryRow(long Id, string Headline, DateTimeOffset FirstSeen, DateTimeOffset LastUpdated, IReadOnlyList<string> Topics,
        IReadOnlyList<string> Outlets, IReadOnlyList<BriefJsonRenderer.ArticleDocument> Articles);

    private static StoryRow Row(ReadingRoomServices room, Core.Domain.Story s) => new(s.Id, s.Headline, s.FirstSeen, s.LastUpdated, s.Topics,
        s.Outlets.Select(room.App.Sources.NameOf).ToList(),
        s.Articles.Select(a => new BriefJsonRenderer.ArticleDocument(a.Id, a.Title, a.Url, room.App.Sources.NameOf(a.SourceId), a.Published)).ToList());

    public static void Map(IEndpointRouteBuilder app, ReadingRoomServices room)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/stories", (string? since, string? query, string? topic) =>
        {
            if (!StoryFilter.TryWindow(since, out var window, out var error)) return Error(400, "since: " + error);
            Core.Query.TopicQuery? parsed = null;
            if (!string.IsNullOrWhiteSpace(query) && !Core.Query.TopicQuery.TryParse(query.Trim(), out parsed, out var e)) return Error(400, $"query: {e!.Message}");
            return Results.Json(StoryFilter.Recent(room, window, topic, parsed, StoryPages.ListLimit).Select(s => Row(room, s)).ToList(), JsonOutput.Options);
        });
        api.MapGet("/stories/{id:long}", (long id) => room.Stories.Get(id) is { } s ? Results.Json(Row(room, s), JsonOutput.Options) : Error(404, $"no story {id}"));
        api.MapGet("/briefs/latest", () => (room.App.Briefs.Latest("all") ?? room.App.Briefs.Latest()) is { } b ? Json(b.Document) : Error(404, "no brief has been made yet"));
        api.MapGet("/briefs/{id:long}", (long id) => room.App.Briefs.Get(id) is { } b ? Json(b.Document) : Error(404, $"no brief {id}"));
        api.MapGet("/search", (string? q, string? from, string? to) =>
        {
            var request = SearchRequest.Parse(q, from, to, room.Now);
            if (request.Error is not null) return Error(400, request.Error);
            if (request.Query is null) return Error(400, "q: give a query, e.g. q=tiktok AND ban");
            var found = room.Finder.Find(request.Query, request.From, request.To, room.Options.PageSize);
            return Results.Json(new SearchAnswer(request.Text, found.Matched, found.Capped, found.Topics, found.Articles.Select(f => new SearchHitRow(
                f.Article.Id, f.Article.Title, f.Article.Url, room.App.Sources.NameOf(f.Article.SourceId), f.Article.Published,
                f.Snippet.Replace(Core.Storage.ArticleSearch.MarkStart, '[').Replace(Core.Storage.ArticleSearch.MarkEnd, ']'))).ToList()), JsonOutput.Options);
        }).RequireRateLimiting(SearchPage.RateLimitPolicy);
        api.MapGet("/sources", () => Results.Json(SourceRow.List(room.App.Sources.Current, room.App.SourceStates.GetAll()), JsonOutput.Options));
        api.MapGet("/subscriptions", () => Results.Json(room.Alerting.Subscriptions.List().Select(SubscriptionRow.From).ToList(), JsonOutput.Options));
        api.MapPost("/subscriptions", async (HttpContext ctx) =>
        {
            if (!room.Gate.IsAdmin(ctx) || !AdminGate.HasBearer(ctx)) return Error(403, "changes need 'Authorization: Bearer <Web:AdminToken>'");
            NewSubscription? body;
            try { body = await JsonSerializer.DeserializeAsync<NewSubscription>(ctx.Request.Body, JsonOutput.Options, ctx.RequestAborted); }
            catch (JsonException e) { return Error(400, $"the body is not a JSON subscription: {e.Message}"); }
            try
            {
                var sub = SubscriptionRequest.Add(room.Alerting.Subscriptions, room.Alerting.Options, SubscriptionPages.WebOwner, body?.Query ?? "",
                    body?.To ?? "console", body?.Mode ?? "instant", body?.Name, room.Now);
                return Results.Json(SubscriptionRow.From(sub), JsonOutput.Options, statusCode: 201);
            }
            catch (SubscriptionException e) { return Error(400, e.Message); }
        });
        api.MapDelete("/subscriptions/{id:long}", (HttpContext ctx, long id) =>
        {
            if (!room.Gate.IsAdmin(ctx) || !AdminGate.HasBearer(ctx)) return Error(403, "changes need 'Authorization: Bearer <Web:AdminToken>'");
            return room.Alerting.Subscriptions.Remove(id) ? Results.NoContent() : Error(404, $"no subscription {id}");
        });
    }

    private static IResult Json(string document) => Results.Text(document, "application/json; charset=utf-8");

    public static IResult Error(int status, string message) => Results.Json(new { error = message }, statusCode: status);
}
