using NewsBrief.Bot.Cli;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Bot.Chat;

/// <summary>The service with no chat platform configured: commands typed on its standard input are answered.</summary>
public sealed class ConsoleChatTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private readonly LocalHttpServer _feeds = new();
    private TestConfigFolder _config = null!;

    public Task InitializeAsync()
    {
        _feeds.MapContent("/feed.xml", new RssBuilder()
            .Item("Vote on the TikTok ban delayed again", "https://news.example/tiktok",
                "Lawmakers delayed the vote on the proposed TikTok ban for a second time on Wednesday.", DateTimeOffset.UtcNow.AddHours(-1))
            .Build());
        _config = new TestConfigFolder(Path.Combine(_dir.Path, "config")).WriteSettings().WriteTopics().WriteSources(("news", _feeds.Url("/feed.xml")));
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Run_AnswersConsoleCommands_BriefSubscriptionsAndErrors()
    {
        var input = new StringReader(string.Join('\n',
            "/sources check",
            "/brief topic:\"TikTok bans\"",
            "/subscribe tiktok AND",
            "/subscribe tiktok AND ban*",
            "/subscriptions",
            "/frobnicate",
            "/help") + "\n");
        var written = new StringWriter();
        var output = TextWriter.Synchronized(written);
        string Text() { lock (output) return written.ToString(); } // the synchronized writer locks on itself
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var run = CliApp.RunAsync(["run", "--config", _config.Path, "--data", Path.Combine(_dir.Path, "data")], output, TextWriter.Null, TimeProvider.System, stop.Token, input);

        while (!Text().Contains("/schedule set") && !stop.IsCancellationRequested)
            await Task.WhenAny(run, Task.Delay(50)); // the replies arrive on the service's own thread
        stop.Cancel();
        var code = await run;
        var text = Text();

        Assert.Equal(0, code);
        Assert.Contains("news: ok, ", text); // 1 new, or 0 when the service's own first poll stored it first
        Assert.Contains("## Vote on the TikTok ban delayed again", text);
        Assert.Contains("[1] Vote on the TikTok ban delayed again (Feed news) <https://news.example/tiktok>", text);
        Assert.Contains("error: bad query \"tiktok AND\"", text);
        Assert.Contains("Subscription 1: instant alerts for \"tiktok AND ban*\"", text);
        Assert.Contains("1: \"tiktok AND ban*\" (instant) to console", text);
        Assert.Contains("error: Unknown command /frobnicate", text);
    }

    [Fact]
    public async Task ConsoleSubscriptions_ShowsThoseTheCliMade_AndUnsubscribeRemovesThem()
    {
        var data = Path.Combine(_dir.Path, "data");
        var made = await CliApp.RunAsync(["subscribe", "tiktok AND ban*", "--config", _config.Path, "--data", data], TextWriter.Null, TextWriter.Null, TimeProvider.System, CancellationToken.None);
        Assert.Equal(0, made);
        var input = new StringReader(string.Join('\n', "/subscriptions", "/unsubscribe id:1", "/subscriptions", "/help") + "\n");
        var written = new StringWriter();
        var output = TextWriter.Synchronized(written);
        string Text() { lock (output) return written.ToString(); }
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var run = CliApp.RunAsync(["run", "--config", _config.Path, "--data", data], output, TextWriter.Null, TimeProvider.System, stop.Token, input);

        while (!Text().Contains("/schedule set") && !stop.IsCancellationRequested)
            await Task.WhenAny(run, Task.Delay(50)); // the replies arrive on the service's own thread
        stop.Cancel();
        await run;
        var text = Text();

        Assert.Contains("1: \"tiktok AND ban*\" (instant) to console (made with 'newsbrief subscribe')", text);
        Assert.Contains("Subscription 1 removed.", text);
        Assert.Contains("You have no subscriptions.", text);
        Assert.Contains("'newsbrief subscriptions'", text);
    }

    public async Task DisposeAsync()
    {
        await _feeds.DisposeAsync();
        _dir.Dispose();
    }
}
