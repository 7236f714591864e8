using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsBrief.Core.Configuration;

namespace NewsBrief.Discord;

/// <summary>Registers the Discord options (bound from "Discord", validated at start-up like every section) and a named HttpClient.</summary>
public static class DiscordServiceCollectionExtensions
{
    public const string HttpClientName = "discord";

    public static IServiceCollection AddDiscordOptions(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(DiscordOptionsValidator))) return services; // registered already
        services.AddValidatedOptions<DiscordOptions>(configuration, DiscordOptions.SectionName);
        services.AddSingleton<DiscordOptionsValidator>();
        services.AddSingleton<IValidateOptions<DiscordOptions>>(sp => sp.GetRequiredService<DiscordOptionsValidator>());
        // The factory's own request logs would print interaction and webhook URLs, whose paths carry tokens;
        // DiscordRestClient logs each request itself, redacted.
        services.AddHttpClient(HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30)).RemoveAllLoggers();
        return services;
    }

    /// <summary>
    /// Registers options, the <see cref="DiscordBot"/> and its hosted service. The command handler and the
    /// autocomplete provider come from the caller's services.
    /// </summary>
    public static IServiceCollection AddDiscordBot(this IServiceCollection services, IConfiguration configuration,
        Func<IServiceProvider, Func<NewsBrief.Core.Chat.ChatCommand, CancellationToken, Task<NewsBrief.Core.Chat.ChatReply>>> handler,
        Func<IServiceProvider, Func<string, string, string, IReadOnlyList<string>>> autocomplete)
    {
        services.AddDiscordOptions(configuration);
        services.AddSingleton(sp => new DiscordBot(
            sp.GetRequiredService<IOptions<DiscordOptions>>().Value,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            handler(sp), autocomplete(sp),
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetService<Microsoft.Extensions.Logging.ILoggerFactory>()));
        services.AddSingleton<DiscordBotService>();
        services.AddHostedService(sp => sp.GetRequiredService<DiscordBotService>());
        return services;
    }

    /// <summary>True when a Discord token is configured, i.e. the bot should use Discord rather than the console.</summary>
    public static bool IsDiscordConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration.GetSection(DiscordOptions.SectionName)["Token"]);
}
