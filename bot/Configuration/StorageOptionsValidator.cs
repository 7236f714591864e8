using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Options;
using NewsBrief.Core.Storage;

namespace NewsBrief.Bot.Configuration;

/// <summary>
/// The <c>Storage</c> section, checked at start-up like every other: for postgres a connection string that parses
/// and comes from the environment (<c>NewsBrief__Storage__ConnectionString</c>) or user secrets, never appsettings.json
/// (it carries the password). Failures name the key and never echo the string. An unknown provider is refused by the binder.
/// </summary>
/// <param name="root">The configuration the section came from, to tell whether the connection string was written in appsettings.json.</param>
public sealed class StorageOptionsValidator(IConfiguration root) : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (InAppSettings(StorageOptions.ConnectionStringKey))
            return Fail("the connection string is a secret (it holds the password): set it in the environment (NewsBrief__Storage__ConnectionString) or user secrets, not in appsettings.json");
        if (options.Provider != StorageProvider.Postgres) return ValidateOptionsResult.Success;
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
            return Fail("Storage:Provider is postgres, so a connection string is required: set NewsBrief__Storage__ConnectionString (e.g. Host=127.0.0.1;Database=newsbrief;Username=newsbrief;Password=…) or a user secret");
        try { PostgresConnectionString.Parse(options.ConnectionString); }
        catch (ArgumentException e) { return Fail(e.Message); }
        return ValidateOptionsResult.Success;
    }

    private static ValidateOptionsResult Fail(string reason) => ValidateOptionsResult.Fail($"{StorageOptions.ConnectionStringKey}: {reason}");

    /// <summary>True when appsettings.json itself sets the key (user secrets are a JSON file too, and allowed).</summary>
    private bool InAppSettings(string key) =>
        root is IConfigurationRoot r && r.Providers.OfType<JsonConfigurationProvider>().Any(p =>
            p.Source.Path?.EndsWith(AppConfiguration.AppSettingsFile, StringComparison.OrdinalIgnoreCase) == true
            && p.TryGet(key, out var v) && !string.IsNullOrEmpty(v));
}
