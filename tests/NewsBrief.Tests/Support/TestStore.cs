using Microsoft.Data.Sqlite;
using NewsBrief.Core.Storage;
using Npgsql;

namespace NewsBrief.Tests.Support;

/// <summary>
/// A fresh, migrated store for one test on either provider: a SQLite file in a temp folder, or a fresh schema
/// in the test PostgreSQL database (its own search_path, so every table is new), dropped on dispose.
/// </summary>
public sealed class TestStore : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly string? _schema;

    private TestStore(StorageProvider provider)
    {
        Provider = provider;
        if (provider == StorageProvider.Sqlite)
        {
            Database = NewsBriefDatabase.Open(_dir.Path);
            return;
        }
        _schema = "t_" + Guid.NewGuid().ToString("N");
        var admin = TestPostgres.ConnectionString ?? throw new InvalidOperationException(TestPostgres.SkipReason);
        Execute(admin, $"CREATE SCHEMA {_schema}");
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { SearchPath = _schema }.ConnectionString;
        Database = NewsBriefDatabase.OpenPostgres(ConnectionString);
    }

    public static TestStore Open(StorageProvider provider) => new(provider);

    public StorageProvider Provider { get; }

    public NewsBriefDatabase Database { get; }

    /// <summary>The temp folder (the SQLite file's; on PostgreSQL, free for the test's other files).</summary>
    public string DataDirectory => _dir.Path;

    /// <summary>The PostgreSQL connection string of this store (with its schema as search path); null on SQLite.</summary>
    public string? ConnectionString { get; }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var cmd = new NpgsqlCommand(sql, connection);
        cmd.ExecuteNonQuery();
    }

    public void Dispose()
    {
        Database.Dispose();
        if (_schema is not null) Execute(TestPostgres.ConnectionString!, $"DROP SCHEMA IF EXISTS {_schema} CASCADE");
        else SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
