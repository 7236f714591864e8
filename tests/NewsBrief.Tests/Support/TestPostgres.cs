using Npgsql;

namespace NewsBrief.Tests.Support;

/// <summary>
/// The PostgreSQL server of the tests: <c>NEWSBRIEF_TEST_PG</c> (a connection string; <c>.ci/run</c> starts a
/// throwaway cluster and sets it). When it is unset or the server does not answer, the PostgreSQL tests skip
/// with <see cref="SkipReason"/>.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "NEWSBRIEF_TEST_PG";

    private static readonly Lazy<string?> Skip = new(Probe);

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable);

    /// <summary>Null when the server answers; else why the PostgreSQL tests skip.</summary>
    public static string? SkipReason => Skip.Value;

    private static string? Probe()
    {
        var cs = ConnectionString;
        if (string.IsNullOrWhiteSpace(cs)) return $"{Variable} is not set (bash .ci/run starts a throwaway PostgreSQL and sets it); the PostgreSQL store tests are skipped";
        try
        {
            using var connection = new NpgsqlConnection(cs);
            connection.Open();
            return null;
        }
        catch (Exception e) when (e is NpgsqlException or ArgumentException or TimeoutException)
        {
            return $"PostgreSQL at {Variable} does not answer ({e.Message}); the PostgreSQL store tests are skipped";
        }
    }

    /// <summary>A fresh, empty database (not a schema: for tests that need a whole database, e.g. store copy); dropped on dispose.</summary>
    public static TestPostgresDatabase CreateDatabase() => new(ConnectionString ?? throw new InvalidOperationException(SkipReason));
}

/// <summary>One fresh PostgreSQL database, dropped (connections and all) on dispose.</summary>
public sealed class TestPostgresDatabase : IDisposable
{
    private readonly string _admin;

    public TestPostgresDatabase(string adminConnectionString)
    {
        _admin = adminConnectionString;
        Name = "nbtest_" + Guid.NewGuid().ToString("N");
        Run($"CREATE DATABASE {Name}");
        ConnectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = Name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    private void Run(string sql)
    {
        using var connection = new NpgsqlConnection(_admin);
        connection.Open();
        using var cmd = new NpgsqlCommand(sql, connection);
        cmd.ExecuteNonQuery();
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Run($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }
}
