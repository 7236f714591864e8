using System.Diagnostics;
using NewsBrief.Bot.Cli;

namespace NewsBrief.Tests.Support;

/// <summary>The outcome of one run of the <c>newsbrief</c> CLI.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error);

/// <summary>Runs the CLI in-process (fast, no environment) or as a real child process (<c>dotnet newsbrief.dll</c>).</summary>
public static class CliRun
{
    public static async Task<CliResult> InProcessAsync(params string[] args) => await InProcessAsync(TimeProvider.System, args);

    public static async Task<CliResult> InProcessAsync(TimeProvider time, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr, time, CancellationToken.None);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs the built executable as a child process, as a user would.</summary>
    public static async Task<CliResult> ProcessAsync(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "newsbrief.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) start.Environment[k] = v;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}
