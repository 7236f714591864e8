using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using NewsBrief.Bot.Alerts;
using NewsBrief.Bot.Composition;
using NewsBrief.Core.Domain;
using NewsBrief.Tests.Support;
using NewsBrief.Bot.Configuration;

namespace NewsBrief.Tests.Bot.Alerts;

/// <summary>
/// The alert stack over real parts: a configuration folder, a real SQLite file, feeds served from
/// 127.0.0.1 that a test changes between polls, a fake clock, and a console sender writing to a string.
/// </summary>
public sealed class AlertFixture : IAsyncDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly Dictionary<string, RssBuilder> _feeds = [];

    public AlertFixture(string settings = TestConfigFolder.QuickSettings, params string[] feedIds)
    {
        var ids = feedIds.Length == 0 ? ["wire", "paper"] : feedIds;
        foreach (var id in ids) SetFeed(id, new RssBuilder());
        Config = new TestConfigFolder(Path.Combine(_dir.Path, "config")).WriteSettings(settings).WriteTopics()
            .WriteSources(ids.Select(id => (id, Server.Url($"/{id}.xml"))).ToArray());
        DataPath = Path.Combine(_dir.Path, "data");
        Host = NewsBriefHost.Build(AppConfiguration.Load(Config.Path, DataPath), Clock, new ConsoleOutput(Console, Json: true));
        Services = Host.Services.GetRequiredService<AppServices>();
        Alerting = Host.Services.GetRequiredService<AlertServices>();
    }

    public static readonly DateTimeOffset Start = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Start);
    public LocalHttpServer Server { get; } = new();
    public TestConfigFolder Config { get; }
    public string DataPath { get; }
    public StringWriter Console { get; } = new();
    /// <summary>The composition every command runs on, built once for the fixture.</summary>
    public IHost Host { get; }
    public AppServices Services { get; }
    public AlertServices Alerting { get; }

    /// <summary>Replaces what a feed serves (no ETag, so every poll reads it).</summary>
    public void SetFeed(string id, RssBuilder feed)
    {
        _feeds[id] = feed;
        Server.MapContent($"/{id}.xml", feed.Build($"Feed {id}"));
    }

    public async Task PollAsync() => await Services.Refresh.PollAsync(Services.Config.Sources, dueOnly: false, CancellationToken.None);

    public Subscription Subscribe(string query, string to = "console", string mode = "instant", int? cap = null)
    {
        var options = cap is { } c ? Alerting.Options with { DailyCap = c } : Alerting.Options;
        return SubscriptionRequest.Add(Alerting.Subscriptions, options, "tester", query, to, mode, null, Clock.GetUtcNow());
    }

    /// <summary>The alert JSON lines the console sender wrote so far.</summary>
    public IReadOnlyList<string> ConsoleLines => Console.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public async ValueTask DisposeAsync()
    {
        Host.Dispose();
        await Server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
