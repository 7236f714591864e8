using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
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
        AddLogging(builder, service);
        if (!service) builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.Services.AddNewsBrief(config, time, console);
        RedactEveryLogger(builder, config);
        return builder;
    }

    private const string LoggingEnvironmentPrefix = "Logging__";

    /// <summary>
    /// Console logs on standard error (standard output carries the command's result): the <c>simple</c>
    /// formatter on one line with scopes by default, <c>json</c> (one object per line) or <c>systemd</c>
    /// from Logging:Console:FormatterName; levels from Logging:LogLevel. Defaults are registered first so the configuration wins.
    /// </summary>
    private static void AddLogging(HostApplicationBuilder builder, bool service)
    {
        var section = builder.Configuration.GetSection("Logging");
        // Logging__LogLevel__Default=Debug works as in any .NET service, beside NewsBrief__Logging__... and appsettings.json.
        // The prefix is stripped, so it arrives as LogLevel:Default, the shape AddConfiguration reads.
        var fromEnvironment = new ConfigurationBuilder().AddEnvironmentVariables(LoggingEnvironmentPrefix).Build();
        builder.Services.Configure<SimpleConsoleFormatterOptions>(o => { o.SingleLine = true; o.IncludeScopes = true; });
        builder.Services.Configure<JsonConsoleFormatterOptions>(o => { o.IncludeScopes = true; o.JsonWriterOptions = new() { Indented = false }; });
        builder.Services.Configure<ConsoleLoggerOptions>(o => { o.FormatterName = ConsoleFormatterNames.Simple; o.LogToStandardErrorThreshold = LogLevel.Trace; });
        builder.Logging.SetMinimumLevel(service ? LogLevel.Information : LogLevel.Warning);
        builder.Logging.AddConfiguration(section);
        builder.Logging.AddConfiguration(fromEnvironment);
        builder.Logging.AddConsole();
    }

    /// <summary>Every logger the host makes goes through the redactor, whichever providers are added, now or later.</summary>
    private static void RedactEveryLogger(HostApplicationBuilder builder, AppConfiguration config)
    {
        var redactor = LogRedactor.For(config);
        builder.Services.AddSingleton(redactor);
        builder.Services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(sp => new RedactingLoggerFactory(
            new LoggerFactory(sp.GetServices<ILoggerProvider>(), sp.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
                sp.GetService<IOptions<LoggerFactoryOptions>>(), sp.GetService<IExternalScopeProvider>()),
            redactor)));
    }

    /// <summary>A host for one command (or a test): built, not started.</summary>
    public static IHost Build(AppConfiguration config, TimeProvider time, ConsoleOutput console) => CreateBuilder(config, time, console).Build();
}
