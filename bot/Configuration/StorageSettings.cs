using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using NewsBrief.Core.Configuration;
using NewsBrief.Core.Storage;

namespace NewsBrief.Bot.Configuration;

/// <summary>
/// Reads and checks the <c>Storage</c> section: a known provider, and for postgres a connection string that
/// parses and comes from the environment (<c>NewsBrief__Storage__ConnectionString</c>) or user secrets, never
/// appsettings.json (it carries the password). Errors name the key and never echo the string.
/// </summary>
public static class StorageSettings
{
    public static StorageOptions Load(IConfiguration root)
    {
        var provider = root[StorageOptions.ProviderKey]?.Trim();
        var parsed = provider?.ToLowerInvariant() switch
        {
            null or "" or "sqlite" => StorageProvider.Sqlite,
            "postgres" or "postgresql" => StorageProvider.Postgres,
            _ => throw new ConfigurationException(AppConfiguration.AppSettingsFile, StorageOptions.ProviderKey, $"'{provider}' is not a storage provider: use sqlite (default) or postgres"),
        };
        if (root is IConfigurationRoot r && r.Providers.OfType<JsonConfigurationProvider>().Any(p => p.TryGet(StorageOptions.ConnectionStringKey, out var v) && !string.IsNullOrEmpty(v)))
            throw new ConfigurationException(AppConfiguration.AppSettingsFile, StorageOptions.ConnectionStringKey,
                "the connection string is a secret (it holds the password): set it in the environment (NewsBrief__Storage__ConnectionString) or user secrets, not in appsettings.json");
        var connectionString = root[StorageOptions.ConnectionStringKey];
        if (parsed == StorageProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new ConfigurationException(AppConfiguration.AppSettingsFile, StorageOptions.ConnectionStringKey,
                    "Storage:Provider is postgres, so a connection string is required: set NewsBrief__Storage__ConnectionString (e.g. Host=127.0.0.1;Database=newsbrief;Username=newsbrief;Password=…) or a user secret");
            try { PostgresConnectionString.Parse(connectionString); }
            catch (ArgumentException e) { throw new ConfigurationException(AppConfiguration.AppSettingsFile, StorageOptions.ConnectionStringKey, e.Message); }
        }
        return new StorageOptions { Provider = parsed, ConnectionString = string.IsNullOrWhiteSpace(connectionString) ? null : connectionString };
    }
}
