using NewsBrief.Bot.Briefing;
using NewsBrief.Bot.Composition;
using NewsBrief.Core.Configuration;

namespace NewsBrief.Bot.Cli;

/// <summary>
/// What every command runs inside: the output writers, the clock, and the loaded configuration and
/// services; maps failures to the exit codes (2 for bad configuration or usage, 1 for anything else).
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

    /// <summary>Loads configuration and services, runs <paramref name="body"/>, and turns failures into exit codes.</summary>
    public async Task<int> RunAsync(string? configOption, string? dataOption, Func<AppServices, Task<int>> body)
    {
        try
        {
            var config = AppConfiguration.Load(ConfigDirectory(configOption), DataDirectory(dataOption));
            using var services = new AppServices(config, Time);
            return await body(services);
        }
        catch (ConfigurationException e)
        {
            await Error.WriteLineAsync($"configuration error: {e.Message}");
            return ExitCodes.BadUsage;
        }
        catch (Exception e) when (e is UsageException or BriefScopeException)
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
