namespace NewsBrief.Core.Storage;

/// <summary>Which database engine holds the store (<c>Storage:Provider</c>).</summary>
public enum StorageProvider
{
    /// <summary>One SQLite file in the data folder: embedded, one process (the default).</summary>
    Sqlite,

    /// <summary>A PostgreSQL database shared by several workers (<c>Storage:ConnectionString</c>).</summary>
    Postgres,

    /// <summary>Another name for <see cref="Postgres"/>, accepted in <c>Storage:Provider</c>.</summary>
    Postgresql = Postgres,
}
