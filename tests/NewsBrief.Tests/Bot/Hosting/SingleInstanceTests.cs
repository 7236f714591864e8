using NewsBrief.Core.Storage;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Bot.Hosting;

/// <summary>
/// One <c>run</c> per SQLite data folder, with real child processes: a second exits 2 saying who holds it, a
/// one-shot command still works beside it, and after the holder is killed with SIGKILL a new one starts.
/// </summary>
public sealed class SingleInstanceTests : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _dir = new();
    private readonly LocalHttpServer _server = new();
    private TestConfigFolder _config = null!;
    private string Data => Path.Combine(_dir.Path, "data");

    public Task InitializeAsync()
    {
        _server.MapContent("/wire.xml", new RssBuilder().Item("TikTok fined in Ireland", "https://wire.example/1", "TikTok news.", DateTimeOffset.UtcNow).Build("Wire"));
        _config = new TestConfigFolder(Path.Combine(_dir.Path, "config")).WriteSettings().WriteTopics().WriteSources(("wire", _server.Url("/wire.xml")));
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Run_WhileAnotherRunHoldsTheDataFolder_ExitsTwoNamingTheHolder_AndStartsOnceTheHolderIsKilled()
    {
        using var first = Run();
        await first.WaitForLineAsync("newsbrief: running with", StartTimeout);

        var second = await CliRun.ProcessAsync(null, "run", "--config", _config.Path, "--data", Data);
        var poll = await CliRun.ProcessAsync(null, "poll", "--format", "json", "--config", _config.Path, "--data", Data);

        Assert.Equal(2, second.ExitCode);
        Assert.Contains("another newsbrief instance", second.Error);
        Assert.Contains($"pid {first.Id}", second.Error);
        Assert.Contains(Path.GetFullPath(Data), second.Error);
        Assert.True(poll.ExitCode == 0, poll.Error);

        first.KillHard();
        using var third = Run();
        await third.WaitForLineAsync("newsbrief: running with", StartTimeout);
        Assert.False(third.HasExited);
    }

    [Fact]
    public void Acquire_InTheSameProcessTwice_RefusesTheSecondUntilTheFirstIsReleased()
    {
        var held = DataFolderLock.Acquire(Data, "test holder");
        var refused = Assert.Throws<DataFolderLockedException>(() => DataFolderLock.Acquire(Data, "another"));
        held.Dispose();
        using var again = DataFolderLock.Acquire(Data, "after release");

        Assert.Contains("(test holder)", refused.Message);
        Assert.Equal(Path.Combine(Data, DataFolderLock.FileName), again.FilePath);
    }

    private RunningProcess Run() => RunningProcess.Start(null, "run", "--config", _config.Path, "--data", Data);

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _dir.Dispose();
    }
}
