using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using NewsBrief.Bot.Composition;
using NewsBrief.Bot.Configuration;
using NewsBrief.Core.Configuration;

namespace NewsBrief.Bot.Web;

/// <summary>
/// Reads and checks the <c>Web</c> section: the admin token never from appsettings.json, and required
/// (exit 2 naming <c>Web:AdminToken</c>) when an address beyond loopback is bound.
/// </summary>
public static class WebSettings
{
    public const string AdminTokenKey = "Web:AdminToken";
    public const int MinimumTokenLength = 16;

    /// <param name="urlsOverride">The <c>--urls</c> of <c>serve</c>, which wins over <c>Web:Urls</c>.</param>
    public static WebOptions Load(IConfiguration root, string? urlsOverride = null)
    {
        var options = AppConfiguration.Bind<WebOptions>(root, WebOptions.SectionName);
        if (urlsOverride is not null) options = options with { Urls = urlsOverride };
        options = options with { Urls = options.Urls?.Trim() ?? "", AdminToken = string.IsNullOrWhiteSpace(options.AdminToken) ? null : options.AdminToken.Trim() };
        if (root is IConfigurationRoot r && r.Providers.OfType<JsonConfigurationProvider>().Any(p => p.TryGet(AdminTokenKey, out var v) && !string.IsNullOrEmpty(v)))
            throw new ConfigurationException(AppConfiguration.AppSettingsFile, AdminTokenKey,
                "the admin token is a secret: set it in the environment (NewsBrief__Web__AdminToken) or user secrets, not in appsettings.json");
        if (options.AdminToken is { Length: < MinimumTokenLength })
            throw new ConfigurationException(AppConfiguration.AppSettingsFile, AdminTokenKey, $"the admin token has {options.AdminToken.Length} characters; use at least {MinimumTokenLength}");
        foreach (var url in Addresses(options.Urls))
        {
            if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0").Replace("://+", "://0.0.0.0"), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                throw new ConfigurationException(AppConfiguration.AppSettingsFile, "Web:Urls", $"'{url}' is not an http(s) address like {WebOptions.DefaultUrls}");
            if (!IsLoopback(uri) && options.AdminToken is null)
                throw new ConfigurationException(AppConfiguration.AppSettingsFile, AdminTokenKey,
                    $"Web:Urls binds '{url}', beyond loopback, so {AdminTokenKey} is required (set NewsBrief__Web__AdminToken or a user secret)");
        }
        if (options.RequireLogin && options.AdminToken is null)
            throw new ConfigurationException(AppConfiguration.AppSettingsFile, AdminTokenKey, $"Web:RequireLogin is on, so {AdminTokenKey} is required to log in");
        return options;
    }

    public static IReadOnlyList<string> Addresses(string urls) =>
        urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
