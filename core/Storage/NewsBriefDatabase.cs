using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace NewsBrief.Core.Storage;

/// <summary>
/// The store's database: one SQLite file in the data folder (the default) or a shared PostgreSQL database
/// (<c>Storage:Provider=postgres</c>). It opens connections and applies the schema migrations at start-up;
/// the store classes get their connections here.
/// <para>How the two providers share the store classes:</para>
/// <list type="bullet">
/// <item><see cref="Connect"/> returns a <see cref="DbConnection"/>: a <see cref="SqliteConnection"/> (WAL, foreign
/// keys, busy timeout), or a <see cref="PostgresConnection"/> from the one <see cref="NpgsqlDataSource"/> (pooled).
/// Stores use <see cref="DbConnection"/>, <see cref="DbTransaction"/> and <see cref="DbDataReader"/> only, and
/// <c>cmd.Parameters.AddWithValue</c> / <c>BeginTransaction(deferred)</c> from <see cref="DbParameters"/>.</item>
/// <item>SQL is written once with <c>$name</c> parameters; the PostgreSQL command rewrites them as <c>@name</c>.
/// Ids are BIGINT identities there, times BIGINT Unix milliseconds on both (<see cref="DbTime"/>); inserts use
/// <c>RETURNING id</c> and <c>ON CONFLICT … DO NOTHING</c>, never <c>INSERT OR IGNORE</c> or <c>last_insert_rowid()</c>.</item>
/// <item>The few real differences (id lists, two-argument MIN/MAX, full-text search) go through <see cref="Dialect"/>
/// or branch on <see cref="SqlDialect.IsPostgres"/> inside the store that needs it.</item>
/// <item>Schema: <see cref="Migrations"/> (SQLite) and <see cref="PostgresMigrations"/> hold the same steps one for
/// one; add a table by appending a step to both. PostgreSQL migrates under an advisory lock.</item>
/// <item><see cref="WriteLock"/> serialises this process's write transactions; SQLite needs it (one writer), and on
/// PostgreSQL it is harmless. Work shared between processes needs row locks or leases in the database instead.</item>
/// </list>
/// </summary>
public sealed class NewsBriefDatabase : IDisposable
{
    public const string FileName = "newsbrief.db";

    private readonly string? _sqliteConnectionString;
    private readonly NpgsqlDataSource? _postgres;

    private NewsBriefDatabase(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        FilePath = Path.Combine(dataDirectory, FileName);
        Provider = StorageProvider.Sqlite;
        Dialect = SqlDialect.Sqlite;
        _sqliteConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        Description = $"sqlite {FilePath}";
    }

    private NewsBriefDatabase(NpgsqlDataSource dataSource, string description)
    {
        _postgres = dataSource;
        Provider = StorageProvider.Postgres;
        Dialect = SqlDialect.Postgres;
        Description = $"postgres {description}";
    }

    public StorageProvider Provider { get; }

    public SqlDialect Dialect { get; }

    /// <summary>The SQLite file; null on PostgreSQL.</summary>
    public string? FilePath { get; }

    /// <summary>What the store is, safe to print: the SQLite path, or PostgreSQL's host and database (never the password).</summary>
    public string Description { get; }

    /// <summary>The PostgreSQL data source (null on SQLite), for PostgreSQL-only work such as COPY and advisory locks.</summary>
    public NpgsqlDataSource? PostgresDataSource => _postgres;

    /// <summary>
    /// SQLite has one writer at a time; taking turns in-process is much cheaper than many connections
    /// spinning on SQLITE_BUSY. Every write transaction of the stores runs under this lock.
    /// </summary>
    public object WriteLock { get; } = new();

    /// <summary>Opens the SQLite file in the data folder and applies pending migrations.</summary>
    public static NewsBriefDatabase Open(string dataDirectory)
    {
        var db = new NewsBriefDatabase(dataDirectory);
        using var connection = (SqliteConnection)db.Connect();
        using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            wal.ExecuteNonQuery();
        }
        Migrations.Apply(connection);
        return db;
    }

    /// <summary>Opens the store the options name (the SQLite file in <paramref name="dataDirectory"/>, or PostgreSQL).</summary>
    public static NewsBriefDatabase Open(StorageOptions options, string dataDirectory) => options.Provider switch
    {
        StorageProvider.Postgres => OpenPostgres(options.ConnectionString
            ?? throw new ArgumentException($"{StorageOptions.ConnectionStringKey} is required when {StorageOptions.ProviderKey} is postgres")),
        _ => Open(dataDirectory),
    };

    /// <summary>Connects to PostgreSQL (one pooled data source) and applies pending migrations under the migration lock.</summary>
    public static NewsBriefDatabase OpenPostgres(string connectionString)
    {
        var builder = PostgresConnectionString.Parse(connectionString);
        var dataSource = new NpgsqlDataSourceBuilder(builder.ConnectionString).Build();
        var db = new NewsBriefDatabase(dataSource, PostgresConnectionString.Redact(connectionString));
        try
        {
            PostgresMigrations.Apply(dataSource);
        }
        catch
        {
            db.Dispose();
            throw;
        }
        return db;
    }

    /// <summary>The schema version applied (the number of migration steps).</summary>
    public int SchemaVersion()
    {
        using var connection = Connect();
        return connection is PostgresConnection pg ? PostgresMigrations.CurrentVersion(pg.Npgsql) : Migrations.CurrentVersion((SqliteConnection)connection);
    }

    /// <summary>An open connection; the caller disposes it (back to the pool).</summary>
    public DbConnection Connect()
    {
        if (_postgres is not null) return new PostgresConnection(_postgres.OpenConnection());
        var connection = new SqliteConnection(_sqliteConnectionString);
        connection.Open();
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000; PRAGMA synchronous=NORMAL;";
        pragmas.ExecuteNonQuery();
        return connection;
    }

    /// <summary>An open connection, opened asynchronously.</summary>
    public async Task<DbConnection> ConnectAsync(CancellationToken cancellationToken = default)
    {
        if (_postgres is not null) return new PostgresConnection(await _postgres.OpenConnectionAsync(cancellationToken));
        var connection = new SqliteConnection(_sqliteConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragmas = connection.CreateCommand();
        pragmas.CommandText = "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000; PRAGMA synchronous=NORMAL;";
        await pragmas.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    public void Dispose() => _postgres?.Dispose();
}
