using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace NewsBrief.Bot.Discord;

/// <summary>Registers the Discord options (bound from "Discord", validated at start-up) and a named HttpClient.</summary>
public static class DiscordServiceCollectionExtensions
{
    public const string HttpClientName = "discord";

    public static IServiceCollection AddDiscordOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DiscordOptions>()
            .Bind(configuration.GetSection(DiscordOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>();
        services.AddHttpClient(HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        return services;
    }

    /// <summary>True when a Discord token is configured, i.e. the bot should use Discord rather than the console.</summary>
    public static bool IsDiscordConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration.GetSection(DiscordOptions.SectionName)["Token"]);
}
