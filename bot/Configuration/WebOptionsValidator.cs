using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Options;

namespace NewsBrief.Bot.Configuration;

/// <summary>
/// The <c>Web</c> section, checked at start-up: http(s) addresses, the admin token never from appsettings.json,
/// at least <see cref="MinimumTokenLength"/> characters, and required beyond loopback or with RequireLogin.
/// </summary>
/// <param name="root">The configuration the section came from, to tell whether the token was written in a file.</param>
public sealed class WebOptionsValidator(IConfiguration root) : IValidateOptions<WebOptions>
{
    public const string AdminTokenKey = "Web:AdminToken";
    public const int MinimumTokenLength = 16;

    public ValidateOptionsResult Validate(string? name, WebOptions options)
    {
        var errors = Failures(WebSettings.Normalised(options));
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private List<string> Failures(WebOptions options)
    {
        var errors = new List<string>();
        if (root is IConfigurationRoot r && r.Providers.OfType<JsonConfigurationProvider>().Any(p => p.TryGet(AdminTokenKey, out var v) && !string.IsNullOrEmpty(v)))
            errors.Add($"{AdminTokenKey}: the admin token is a secret: set it in the environment (NewsBrief__Web__AdminToken) or user secrets, not in appsettings.json");
        if (options.AdminToken is { Length: < MinimumTokenLength })
            errors.Add($"{AdminTokenKey}: the admin token has {options.AdminToken.Length} characters; use at least {MinimumTokenLength}");
        foreach (var url in WebSettings.Addresses(options.Urls))
        {
            if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0").Replace("://+", "://0.0.0.0"), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                errors.Add($"Web:Urls: '{url}' is not an http(s) address like {WebOptions.DefaultUrls}");
            else if (!IsLoopback(uri) && options.AdminToken is null)
                errors.Add($"{AdminTokenKey}: Web:Urls binds '{url}', beyond loopback, so {AdminTokenKey} is required (set NewsBrief__Web__AdminToken or a user secret)");
        }
        if (options.RequireLogin && options.AdminToken is null)
            errors.Add($"{AdminTokenKey}: Web:RequireLogin is on, so {AdminTokenKey} is required to log in");
        return errors;
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
