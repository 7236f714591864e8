using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsBrief.Core.Configuration;

namespace NewsBrief.Bot.Configuration;

/// <summary>
/// The <c>Web</c> settings in force: the validated section (<see cref="WebOptionsValidator"/>), trimmed, with
/// <c>serve --urls</c> laid over it and checked by the same validator.
/// </summary>
public static class WebSettings
{
    /// <summary>The Web section, bound and validated at start-up (<see cref="WebOptionsValidator"/>), and the validator for <see cref="Effective"/>.</summary>
    public static IServiceCollection AddWebOptions(this IServiceCollection services, IConfiguration root)
    {
        var validator = new WebOptionsValidator(root);
        services.AddValidatedOptions<WebOptions>(root, WebOptions.SectionName);
        services.AddSingleton<IValidateOptions<WebOptions>>(validator);
        services.AddSingleton(validator);
        return services;
    }

    /// <param name="urlsOverride">The <c>--urls</c> of <c>serve</c>, which wins over <c>Web:Urls</c>.</param>
    public static WebOptions Effective(WebOptions options, WebOptionsValidator validator, string? urlsOverride = null)
    {
        if (urlsOverride is null) return Normalised(options);
        var overridden = options with { Urls = urlsOverride };
        var check = validator.Validate(Options.DefaultName, overridden);
        if (check.Failed) throw new OptionsValidationException(Options.DefaultName, typeof(WebOptions), check.Failures);
        return Normalised(overridden);
    }

    /// <summary>Blank tokens are no token; addresses trimmed.</summary>
    public static WebOptions Normalised(WebOptions options) =>
        options with { Urls = options.Urls?.Trim() ?? "", AdminToken = string.IsNullOrWhiteSpace(options.AdminToken) ? null : options.AdminToken.Trim() };

    public static IReadOnlyList<string> Addresses(string urls) =>
        urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
