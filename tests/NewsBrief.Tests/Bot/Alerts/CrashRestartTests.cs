using NewsBrief.CrashHook;
using System.Collections.Concurrent;
using System.Text.Json;
using NewsBrief.Bot.Deliveries;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Bot.Alerts;

/// <summary>
/// The real executable killed mid-delivery (by <see cref="CrashAfterSends"/>, a startup hook from a test-only assembly) and started again, against a
/// real SQLite file and feeds that change between polls: every alert arrives, none twice.
/// </summary>
public sealed class CrashRestartTests : IAsyncLifetime
{
    private static readonly string[] Events =
    [
        "fined in Ireland", "sued by Montana", "opens a Dublin office", "launches a school app",
        "settles with Texas", "bans political ads", "loses appeal in Canada",
    ];

    private readonly TempDirectory _dir = new();
    private readonly LocalHttpServer _server = new();
    private readonly ConcurrentQueue<string> _webhookBodies = new();
    private readonly RssBuilder _feed = new();
    private TestConfigFolder _config = null!;
    private string Data => Path.Combine(_dir.Path, "data");

    public Task InitializeAsync()
    {
        _config = new TestConfigFolder(Path.Combine(_dir.Path, "config")).WriteSettings().WriteTopics()
            .WriteSources(("wire", _server.Url("/wire.xml")));
        _server.Map("/hook", async ctx =>
        {
            using var reader = new StreamReader(ctx.Request.InputStream);
            _webhookBodies.Enqueue(await reader.ReadToEndAsync());
            await LocalHttpServer.WriteAsync(ctx, 204, "", "text/plain");
        });
        Publish(0, 5);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Poll_KilledAfterSomeSendsAndRestarted_DeliversEveryAlertExactlyOnce()
    {
        await SubscribeAsync("console");

        var crashed = await PollAsync(crashAfter: 2);
        Publish(5, 7);
        var crashedAgain = await PollAsync(crashAfter: 1);
        var finished = await PollAsync(crashAfter: null);
        var idle = await PollAsync(crashAfter: null);

        Assert.Equal((CrashAfterSends.ExitCode, CrashAfterSends.ExitCode, 0, 0), (crashed.ExitCode, crashedAgain.ExitCode, finished.ExitCode, idle.ExitCode));
        Assert.Equal((2, 1), (Lines(crashed).Count, Lines(crashedAgain).Count));
        Assert.Empty(Lines(idle));
        var urls = new[] { crashed, crashedAgain, finished }.SelectMany(Lines)
            .SelectMany(l => JsonDocument.Parse(l).RootElement.GetProperty("articles").EnumerateArray())
            .Select(a => a.GetProperty("url").GetString()!).ToList();
        Assert.Equal(Enumerable.Range(0, Events.Length).Select(Url).Order(), urls.Order());
    }

    [Fact]
    public async Task Poll_KilledWhileSendingToAWebhookAndRestarted_PostsEveryAlertExactlyOnce()
    {
        await SubscribeAsync($"webhook:{_server.Url("/hook")}");

        var crashed = await PollAsync(crashAfter: 3);
        Publish(5, 7);
        var finished = await PollAsync(crashAfter: null);

        Assert.Equal((CrashAfterSends.ExitCode, 0), (crashed.ExitCode, finished.ExitCode));
        var bodies = _webhookBodies.Select(b => JsonDocument.Parse(b).RootElement).ToList();
        var keys = bodies.Select(b => b.GetProperty("idempotencyKey").GetString()).ToList();
        Assert.Equal(keys.Distinct().Count(), keys.Count);
        var urls = bodies.SelectMany(b => b.GetProperty("content").GetProperty("articles").EnumerateArray())
            .Select(a => a.GetProperty("url").GetString()!).Order();
        Assert.Equal(Enumerable.Range(0, Events.Length).Select(Url).Order(), urls);
    }

    private void Publish(int from, int to)
    {
        for (var i = from; i < to; i++)
            _feed.Item($"TikTok {Events[i]}", Url(i), $"TikTok news: {Events[i]}.", DateTimeOffset.UtcNow.AddMinutes(-i));
        _server.MapContent("/wire.xml", _feed.Build("Wire"));
    }

    private static string Url(int i) => $"https://wire.example/tiktok/{i}";

    private async Task SubscribeAsync(string destination)
    {
        var result = await CliRun.ProcessAsync(null, "subscribe", "tiktok", "--to", destination, "--config", _config.Path, "--data", Data);
        Assert.True(result.ExitCode == 0, result.Error);
    }

    private async Task<CliResult> PollAsync(int? crashAfter)
    {
        var env = crashAfter is { } n ? CrashAfterSends.Environment(n) : null;
        return await CliRun.ProcessAsync(env, "poll", "--format", "json", "--config", _config.Path, "--data", Data);
    }

    private static List<string> Lines(CliResult result) =>
        result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _dir.Dispose();
    }
}
