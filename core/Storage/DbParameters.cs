using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace NewsBrief.Core.Storage;

/// <summary>
/// <c>AddWithValue</c> and <c>BeginTransaction(deferred)</c> on the provider-neutral ADO.NET types, so the
/// stores' code reads the same on SQLite and PostgreSQL.
/// </summary>
public static class DbParameters
{
    /// <summary>Adds a parameter named as in the SQL (<c>$name</c>); null becomes DBNull.</summary>
    public static DbParameter AddWithValue(this DbParameterCollection parameters, string name, object? value) => parameters switch
    {
        SqliteParameterCollection sqlite => sqlite.AddWithValue(name, value ?? DBNull.Value),
        NpgsqlParameterCollection npgsql => npgsql.AddWithValue(PostgresSql.ParameterName(name), value is string text ? WithoutNul(text) : value ?? DBNull.Value),
        _ => throw new NotSupportedException($"no parameters for {parameters.GetType().Name}"),
    };

    /// <summary>PostgreSQL text cannot hold U+0000 (SQLite's can): a feed's stray NUL is dropped rather than failing the whole write.</summary>
    public static string WithoutNul(string text) => text.Contains('\0') ? text.Replace("\0", "", StringComparison.Ordinal) : text;

    /// <summary>
    /// Adds a typed parameter with no value yet, for a command run many times with new values (a prepared
    /// statement on SQLite); created through the command, so it is the provider's own parameter type.
    /// </summary>
    public static DbParameter AddTyped(this DbCommand command, string name, DbType type)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = parameter is NpgsqlParameter ? PostgresSql.ParameterName(name) : name;
        parameter.DbType = type;
        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>A parameter by the name the SQL gives it (<c>$name</c>), on either provider.</summary>
    public static DbParameter Parameter(this DbParameterCollection parameters, string name) => parameters switch
    {
        NpgsqlParameterCollection npgsql => npgsql[PostgresSql.ParameterName(name)],
        _ => parameters[name],
    };

    /// <summary>
    /// A transaction; <paramref name="deferred"/> false takes SQLite's write lock at once (BEGIN IMMEDIATE), so a
    /// read-then-write transaction cannot fail on upgrade. PostgreSQL's row locks need no such start.
    /// </summary>
    public static DbTransaction BeginTransaction(this DbConnection connection, bool deferred) => connection switch
    {
        SqliteConnection sqlite => sqlite.BeginTransaction(deferred),
        _ => connection.BeginTransaction(),
    };
}
