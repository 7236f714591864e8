using System.Collections.Concurrent;
using System.Diagnostics;

namespace NewsBrief.Tests.Support;

/// <summary>
/// A long-running <c>newsbrief</c> child process (<c>run</c>): its standard error is collected line by line so a
/// test can wait for a line, and it can be killed with SIGKILL (<see cref="KillHard"/>) as a crash would.
/// </summary>
public sealed class RunningProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly SemaphoreSlim _lineArrived = new(0);

    private RunningProcess(Process process)
    {
        _process = process;
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Everything the process wrote so far (standard output and error, interleaved).</summary>
    public string Output => string.Join('\n', _lines);

    public static RunningProcess Start(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // Kept open and silent: the console chat waits on it instead of seeing end of input.
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "newsbrief.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) start.Environment[k] = v;
        return new RunningProcess(Process.Start(start)!);
    }

    /// <summary>Waits until a line containing <paramref name="text"/> appears; fails with the output so far when the process exits first or time runs out.</summary>
    public async Task WaitForLineAsync(string text, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (!_lines.Any(l => l.Contains(text, StringComparison.Ordinal)))
        {
            if (_process.HasExited && !_lines.Any(l => l.Contains(text, StringComparison.Ordinal)))
            {
                _process.WaitForExit(); // flush the last lines
                if (_lines.Any(l => l.Contains(text, StringComparison.Ordinal))) return;
                throw new InvalidOperationException($"process exited ({_process.ExitCode}) before writing '{text}':\n{Output}");
            }
            try { await _lineArrived.WaitAsync(TimeSpan.FromMilliseconds(200), cts.Token); }
            catch (OperationCanceledException) { throw new TimeoutException($"no line with '{text}' after {timeout}:\n{Output}"); }
        }
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a crash or an OOM kill.</summary>
    public void KillHard()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    private void OnLine(string? line)
    {
        if (line is null) return;
        _lines.Enqueue(line);
        _lineArrived.Release();
    }

    public void Dispose()
    {
        KillHard();
        _process.Dispose();
        _lineArrived.Dispose();
    }
}
