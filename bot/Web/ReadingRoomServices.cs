using NewsBrief.Bot.Configuration;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsBrief.Bot.Alerts;
using NewsBrief.Bot.Composition;
using NewsBrief.Core.Storage;

namespace NewsBrief.Bot.Web;

/// <summary>What the reading room's endpoints share: the app's services and stores, the web settings, the admin gate and the feed key.</summary>
public sealed class ReadingRoomServices(AppServices app, AlertServices alerting, WebOptions options)
{
    public AppServices App { get; } = app;
    public AlertServices Alerting { get; } = alerting;
    public WebOptions Options { get; } = options;
    public AdminGate Gate { get; } = new(options.AdminToken);
    public byte[] FeedKey { get; } = Web.FeedKey.LoadOrCreate(app.Config.DataDirectory);
    public ArticleFinder Finder { get; } = new(app);
    public StoryStore Stories { get; } = new(app.Articles.Database);
    public AlertStore AlertRecords { get; } = new(app.Articles.Database);
    /// <summary>When the reading room started (a fresh install has had no chance to poll yet).</summary>
    public DateTimeOffset Started { get; } = app.Time.GetUtcNow();
    public DateTimeOffset Now => App.Time.GetUtcNow();
}
