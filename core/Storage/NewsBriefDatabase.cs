using Microsoft.Data.Sqlite;

namespace NewsBrief.Core.Storage;

/// <summary>
/// The SQLite file: opens connections (WAL, foreign keys, busy timeout) and applies the schema
/// migrations at start-up. The store classes get their connections here.
/// </summary>
public sealed class NewsBriefDatabase
{
    public const string FileName = "newsbrief.db";

    private readonly string _connectionString;

    public NewsBriefDatabase(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        FilePath = Path.Combine(dataDirectory, FileName);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string FilePath { get; }

    /// <summary>
    /// SQLite has one writer at a time; taking turns in-process is much cheaper than many connections
    /// spinning on SQLITE_BUSY. Every write transaction of the stores runs under this lock.
    /// </summary>
    public object WriteLock { get; } = new();

    /// <summary>Opens the file and applies pending migrations; returns the database ready for use.</summary>
    public static NewsBriefDatabase Open(string dataDirectory)
    {
        var db = new NewsBriefDatabase(dataDirectory);
        using var connection = db.Connect();
        using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            wal.ExecuteNonQuery();
        }
        Migrations.Apply(connection);
        return db;
    }

    public SqliteConnection Connect()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000; PRAGMA synchronous=NORMAL;";
        pragmas.ExecuteNonQuery();
        return connection;
    }
}
