using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsBrief.Bot.Composition;
using NewsBrief.Bot.Web.Api;
using NewsBrief.Bot.Web.Feeds;
using NewsBrief.Bot.Web.Pages;
using NewsBrief.Core.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace NewsBrief.Bot.Web;

/// <summary>
/// The reading room: a Kestrel app with server-rendered pages (no script), feeds, the JSON API and
/// <c>/healthz</c>, over the same services as the CLI. <c>serve</c> runs it alone; <c>run</c> beside the service.
/// </summary>
public static class ReadingRoom
{
    /// <summary>Paths that stay open when <c>Web:RequireLogin</c> closes reading (the login itself, the stylesheet, health and metrics for monitors, token feeds).</summary>
    private static readonly string[] OpenPaths = ["/login", "/style.css", "/healthz", "/metrics", "/feeds/subscriptions/"];

    public static WebApplication Create(AppServices services, AlertServices alerting, WebOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(WebSettings.Addresses(options.Urls).ToArray());
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "newsbrief_af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
            o.FormFieldName = "__af";
        });
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SearchPage.RateLimitPolicy, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.SearchesPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await context.HttpContext.Response.WriteAsync($"too many searches: at most {options.SearchesPerMinute} a minute per client (Web:SearchesPerMinute)", ct);
            };
        });
        // /metrics reads the NewsBrief meter (NewsBriefMetrics, recorded by the whole service) as Prometheus text.
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("newsbrief"))
            .WithMetrics(m => m.AddMeter(NewsBriefMetrics.MeterName).AddPrometheusExporter());
        var app = builder.Build();
        var room = new ReadingRoomServices(services, alerting, options);
        app.UseSecurityHeaders();
        if (options.RequireLogin) app.Use(async (ctx, next) =>
        {
            var path = ctx.Request.Path.Value ?? "/";
            if (room.Gate.IsAdmin(ctx) || OpenPaths.Any(p => path.StartsWith(p, StringComparison.Ordinal))) { await next(ctx); return; }
            if (path.StartsWith("/api/", StringComparison.Ordinal) || path.StartsWith("/feeds/", StringComparison.Ordinal) || path.EndsWith(".opml", StringComparison.Ordinal))
            {
                ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
                await ctx.Response.WriteAsJsonAsync(new { error = "reading needs the admin token (Web:RequireLogin)" });
                return;
            }
            ctx.Response.Redirect("/login?returnUrl=" + Uri.EscapeDataString(path + ctx.Request.QueryString));
        });
        app.UseRateLimiter();
        app.MapGet("/style.css", () => Results.Text(Stylesheet.Css, "text/css; charset=utf-8"));
        BriefPages.Map(app, room);
        SearchPage.Map(app, room);
        StoryPages.Map(app, room);
        TopicPage.Map(app, room);
        SourcesPage.Map(app, room);
        EventsPage.Map(app, room);
        SubscriptionPages.Map(app, room);
        LoginPage.Map(app, room);
        FeedEndpoints.Map(app, room);
        ApiEndpoints.Map(app, room);
        HealthEndpoint.Map(app, room);
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }
}
