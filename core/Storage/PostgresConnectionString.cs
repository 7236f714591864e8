using Npgsql;

namespace NewsBrief.Core.Storage;

/// <summary>Checks and redacts Npgsql connection strings: errors and logs name the host and database, never the password.</summary>
public static class PostgresConnectionString
{
    /// <summary>The connection string parsed; a clear error (without echoing the string) when it is not one.</summary>
    public static NpgsqlConnectionStringBuilder Parse(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            if (string.IsNullOrWhiteSpace(builder.Host))
                throw new ArgumentException("it names no Host (e.g. Host=127.0.0.1;Database=newsbrief;Username=newsbrief;Password=…)");
            return builder;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new ArgumentException($"not a valid PostgreSQL connection string: {e.Message}", e);
        }
    }

    /// <summary>Host, port, database and user only: safe to print.</summary>
    public static string Redact(string connectionString)
    {
        try
        {
            var b = new NpgsqlConnectionStringBuilder(connectionString);
            return $"Host={b.Host};Port={b.Port};Database={b.Database};Username={b.Username}";
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            return "(unparsable connection string)";
        }
    }
}
