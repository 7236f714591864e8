using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NewsBrief.Bot.Briefing;
using NewsBrief.Bot.Composition;
using NewsBrief.Core.Configuration;
using NewsBrief.Core.Storage;
using NewsBrief.Bot.Configuration;

namespace NewsBrief.Bot.Cli;

/// <summary>
/// What every command runs inside: the output writers, the clock, and a Generic Host over the loaded
/// configuration and services (<see cref="NewsBriefHost"/>); maps failures to the exit codes (2 for bad configuration or usage, 1 for anything else).
/// </summary>
public sealed class CommandContext(TextWriter stdout, TextWriter stderr, TimeProvider time, TextReader? stdin = null)
{
    /// <summary>Where the console chat reads commands (empty unless the process passes its standard input).</summary>
    public TextReader In { get; } = stdin ?? TextReader.Null;
    public TextWriter Out { get; } = stdout;
    public TextWriter Error { get; } = stderr;
    public TimeProvider Time { get; } = time;

    public static string ConfigDirectory(string? option) =>
        option ?? (Environment.GetEnvironmentVariable("NEWSBRIEF_CONFIG") is { Length: > 0 } env ? env : "config");

    public static string DataDirectory(string? option) =>
        option ?? (Environment.GetEnvironmentVariable("NEWSBRIEF_DATA") is { Length: > 0 } env ? env : "data");

    /// <summary>Runs <paramref name="body"/> on a started host (see <see cref="RunHostAsync"/>).</summary>
    public Task<int> RunAsync(string? configOption, string? dataOption, Func<AppServices, Task<int>> body) =>
        RunStartedAsync(configOption, dataOption, jsonConsole: false, host => body(host.Services.GetRequiredService<AppServices>()));

    /// <summary>Runs <paramref name="body"/> with the alert services too; console deliveries as JSON lines when <paramref name="jsonConsole"/>.</summary>
    public Task<int> RunAsync(string? configOption, string? dataOption, Func<AppServices, AlertServices, Task<int>> body, bool jsonConsole = false) =>
        RunStartedAsync(configOption, dataOption, jsonConsole, host => body(host.Services.GetRequiredService<AppServices>(), host.Services.GetRequiredService<AlertServices>()));

    private Task<int> RunStartedAsync(string? configOption, string? dataOption, bool jsonConsole, Func<IHost, Task<int>> body) =>
        RunHostAsync(configOption, dataOption, jsonConsole, service: false, configure: null, async host =>
        {
            await host.StartAsync(); // validates the options
            try { return await body(host); }
            finally { await host.StopAsync(); }
        });

    /// <summary>
    /// Loads the configuration, builds the command's host (<see cref="NewsBriefHost"/>, plus what
    /// <paramref name="configure"/> adds), runs <paramref name="body"/>, disposes the host, and turns failures into exit codes.
    /// </summary>
    public async Task<int> RunHostAsync(string? configOption, string? dataOption, bool jsonConsole, bool service,
        Action<HostApplicationBuilder, AppConfiguration>? configure, Func<IHost, Task<int>> body)
    {
        try
        {
            var config = AppConfiguration.Load(ConfigDirectory(configOption), DataDirectory(dataOption));
            var builder = NewsBriefHost.CreateBuilder(config, Time, new ConsoleOutput(Out, jsonConsole), service);
            configure?.Invoke(builder, config);
            using var host = builder.Build();
            return await body(host);
        }
        catch (ConfigurationException e)
        {
            await Error.WriteLineAsync($"configuration error: {e.Message}");
            return ExitCodes.BadUsage;
        }
        catch (OptionsValidationException e)
        {
            await Error.WriteLineAsync($"configuration error: {string.Join("; ", e.Failures)}");
            return ExitCodes.BadUsage;
        }
        catch (Exception e) when (e is UsageException or BriefScopeException or DataFolderLockedException)
        {
            await Error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.BadUsage;
        }
        catch (OperationCanceledException)
        {
            await Error.WriteLineAsync("cancelled");
            return ExitCodes.Failed;
        }
        catch (Exception e)
        {
            await Error.WriteLineAsync($"failed: {e.GetType().Name}: {e.Message}");
            return ExitCodes.Failed;
        }
    }
}
