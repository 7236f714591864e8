using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsBrief.Bot.Configuration;

namespace NewsBrief.Bot.Composition;

/// <summary>
/// The Generic Host every command runs on: the loaded configuration, logging to standard error,
/// <see cref="NewsBriefServiceCollectionExtensions.AddNewsBrief"/>, options validated when the host
/// starts, and the services disposed with the host.
/// </summary>
public static class NewsBriefHost
{
    /// <param name="service">True for <c>run</c>: information logs and the host's start/stop lines; one-shot commands log warnings and errors only, unless Logging:LogLevel says otherwise.</param>
    public static HostApplicationBuilder CreateBuilder(AppConfiguration config, TimeProvider time, ConsoleOutput console, bool service = false)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = Path.GetFullPath(config.ConfigDirectory),
        });
        builder.Configuration.AddConfiguration(config.Root);
        builder.Logging.SetMinimumLevel(service ? LogLevel.Information : LogLevel.Warning);
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        if (!service) builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.Services.AddNewsBrief(config, time, console);
        return builder;
    }

    /// <summary>A host for one command (or a test): built, not started.</summary>
    public static IHost Build(AppConfiguration config, TimeProvider time, ConsoleOutput console) => CreateBuilder(config, time, console).Build();
}
