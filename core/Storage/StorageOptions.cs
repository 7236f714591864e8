namespace NewsBrief.Core.Storage;

/// <summary>
/// Where the store lives (section <c>Storage</c>). <c>ConnectionString</c> is a secret (it carries the
/// password): from the environment (<c>NewsBrief__Storage__ConnectionString</c>) or user secrets only.
/// </summary>
public sealed record StorageOptions
{
    public const string SectionName = "Storage";
    public const string ProviderKey = "Storage:Provider";
    public const string ConnectionStringKey = "Storage:ConnectionString";

    /// <summary>sqlite (default) or postgres.</summary>
    public StorageProvider Provider { get; init; } = StorageProvider.Sqlite;

    /// <summary>The Npgsql connection string for postgres, e.g. <c>Host=db;Database=newsbrief;Username=newsbrief;Password=…</c>. Unused for sqlite.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>The record prints without the connection string, so logging the options never leaks the password.</summary>
    public override string ToString() => $"StorageOptions {{ Provider = {Provider}, ConnectionString = {(ConnectionString is null ? "(none)" : PostgresConnectionString.Redact(ConnectionString))} }}";
}
