using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Npgsql;

namespace NewsBrief.Core.Storage;

/// <summary>
/// A pooled <see cref="NpgsqlConnection"/> whose commands accept the stores' <c>$name</c> parameter syntax
/// (see <see cref="PostgresCommand"/>). <see cref="Npgsql"/> gives the raw connection for PostgreSQL-only work
/// (advisory locks, COPY).
/// </summary>
public sealed class PostgresConnection(NpgsqlConnection inner) : DbConnection
{
    public NpgsqlConnection Npgsql { get; } = inner;

    [AllowNull]
    public override string ConnectionString
    {
        get => Npgsql.ConnectionString;
        set => Npgsql.ConnectionString = value;
    }

    public override string Database => Npgsql.Database;
    public override string DataSource => Npgsql.DataSource;
    public override string ServerVersion => Npgsql.ServerVersion;
    public override ConnectionState State => Npgsql.State;

    public override void ChangeDatabase(string databaseName) => Npgsql.ChangeDatabase(databaseName);
    public override void Close() => Npgsql.Close();
    public override void Open() => Npgsql.Open();
    public override Task OpenAsync(CancellationToken cancellationToken) => Npgsql.OpenAsync(cancellationToken);

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => Npgsql.BeginTransaction(isolationLevel);

    protected override async ValueTask<DbTransaction> BeginDbTransactionAsync(IsolationLevel isolationLevel, CancellationToken cancellationToken) =>
        await Npgsql.BeginTransactionAsync(isolationLevel, cancellationToken);

    protected override DbCommand CreateDbCommand() => new PostgresCommand(Npgsql.CreateCommand(), this);

    protected override void Dispose(bool disposing)
    {
        if (disposing) Npgsql.Dispose();
        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync() => Npgsql.DisposeAsync();
}
