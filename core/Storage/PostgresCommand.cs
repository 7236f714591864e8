using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Npgsql;

namespace NewsBrief.Core.Storage;

/// <summary>
/// An <see cref="NpgsqlCommand"/> that runs the stores' SQL: <c>$name</c> parameters become <c>@name</c>
/// (<see cref="PostgresSql"/>) just before execution, so the store classes keep one SQL text for both engines.
/// </summary>
public sealed class PostgresCommand(NpgsqlCommand inner, PostgresConnection connection) : DbCommand
{
    private string _text = "";

    [AllowNull]
    public override string CommandText
    {
        get => _text;
        set => _text = value ?? "";
    }

    public override int CommandTimeout { get => inner.CommandTimeout; set => inner.CommandTimeout = value; }
    public override CommandType CommandType { get => inner.CommandType; set => inner.CommandType = value; }
    public override bool DesignTimeVisible { get => inner.DesignTimeVisible; set => inner.DesignTimeVisible = value; }
    public override UpdateRowSource UpdatedRowSource { get => inner.UpdatedRowSource; set => inner.UpdatedRowSource = value; }

    protected override DbConnection? DbConnection
    {
        get => connection;
        set => throw new NotSupportedException("a PostgreSQL command stays on the connection that created it");
    }

    protected override DbParameterCollection DbParameterCollection => inner.Parameters;

    protected override DbTransaction? DbTransaction
    {
        get => inner.Transaction;
        set => inner.Transaction = (NpgsqlTransaction?)value;
    }

    public override void Cancel() => inner.Cancel();
    public override void Prepare() => Ready().Prepare();
    protected override DbParameter CreateDbParameter() => inner.CreateParameter();

    public override int ExecuteNonQuery() => Ready().ExecuteNonQuery();
    public override object? ExecuteScalar() => Ready().ExecuteScalar();
    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => Ready().ExecuteReader(behavior);

    public override Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken) => Ready().ExecuteNonQueryAsync(cancellationToken);
    public override Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken) => Ready().ExecuteScalarAsync(cancellationToken);

    protected override async Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken) =>
        await Ready().ExecuteReaderAsync(behavior, cancellationToken);

    /// <summary>The inner command with the translated text, and parameters added by name under <c>$name</c> renamed.</summary>
    private NpgsqlCommand Ready()
    {
        inner.CommandText = PostgresSql.Translate(_text);
        foreach (NpgsqlParameter p in inner.Parameters)
            if (p.ParameterName.StartsWith('$')) p.ParameterName = PostgresSql.ParameterName(p.ParameterName);
        return inner;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
