using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace NewsBrief.Bot.Web;

/// <summary>
/// <c>/healthz</c>: 200 when the store answers and some source was polled successfully within three poll
/// intervals (the longest configured); 503 with a JSON reason otherwise. A fresh start gets three intervals' grace.
/// </summary>
public static class HealthEndpoint
{
    public static void Map(IEndpointRouteBuilder app, ReadingRoomServices room) => app.MapGet("/healthz", () =>
    {
        var now = room.Now;
        DateTimeOffset? lastSuccess;
        try
        {
            lastSuccess = room.App.SourceStates.GetAll().Values.Max(s => s.LastSuccess);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or IOException or InvalidOperationException)
        {
            return Results.Json(new { status = "unhealthy", reason = $"the store is unreachable: {e.Message}" }, statusCode: 503);
        }
        var sources = room.App.Sources.Current;
        if (sources.Count == 0) return Results.Json(new { status = "unhealthy", reason = "no sources are configured" }, statusCode: 503);
        var limit = 3 * sources.Max(s => s.PollInterval);
        if (lastSuccess is { } t && now - t <= limit) return Results.Json(new { status = "healthy", lastSuccessfulPoll = t });
        if (now - room.Started <= limit) return Results.Json(new { status = "healthy", lastSuccessfulPoll = lastSuccess, note = "starting: no recent poll yet" });
        return Results.Json(new
        {
            status = "unhealthy",
            reason = lastSuccess is null ? $"no poll has succeeded (within {limit.TotalMinutes:0} minutes, 3 poll intervals)" : $"no poll has succeeded since {lastSuccess:u} (more than 3 poll intervals, {limit.TotalMinutes:0} minutes)",
            lastSuccessfulPoll = lastSuccess,
        }, statusCode: 503);
    });
}
