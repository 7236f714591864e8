namespace NewsBrief.Core.Storage;

/// <summary>
/// The few places where the SQLite and PostgreSQL SQL of the stores differ. Everything else is written
/// once in the portable subset both engines share (<c>$name</c> parameters, <c>RETURNING</c>,
/// <c>ON CONFLICT … DO NOTHING/UPDATE</c>, Unix-millisecond BIGINT times).
/// </summary>
public sealed class SqlDialect
{
    public static readonly SqlDialect Sqlite = new(StorageProvider.Sqlite);
    public static readonly SqlDialect Postgres = new(StorageProvider.Postgres);

    private SqlDialect(StorageProvider provider) => Provider = provider;

    public StorageProvider Provider { get; }

    public bool IsPostgres => Provider == StorageProvider.Postgres;

    /// <summary>The dialect of an open connection (for the stores' static helpers that get only the connection).</summary>
    public static SqlDialect Of(System.Data.Common.DbConnection connection) => connection is PostgresConnection ? Postgres : Sqlite;

    /// <summary>
    /// A subquery of the ids in a JSON array parameter (<c>"[1,2,3]"</c>), for <c>id IN (…)</c>: one
    /// parameter whatever the number of ids.
    /// </summary>
    public string IdsFromJson(string parameter) => IsPostgres
        ? $"SELECT CAST(value AS BIGINT) FROM json_array_elements_text(CAST({parameter} AS json)) AS ids(value)"
        : $"SELECT value FROM json_each({parameter})";

    /// <summary>
    /// A subquery of the (id, text) pairs in a JSON array parameter (<c>"[[1,"a"],[2,"b"]]"</c>), with columns
    /// named <paramref name="idColumn"/> (BIGINT) and <paramref name="textColumn"/>, to join on a two-column key:
    /// one parameter whatever the number of pairs.
    /// </summary>
    public string PairsFromJson(string parameter, string idColumn, string textColumn) => IsPostgres
        ? $"SELECT CAST(value ->> 0 AS BIGINT) AS {idColumn}, value ->> 1 AS {textColumn} FROM jsonb_array_elements(CAST({parameter} AS jsonb)) AS pairs(value)"
        : $"SELECT json_extract(value, '$[0]') AS {idColumn}, json_extract(value, '$[1]') AS {textColumn} FROM json_each({parameter})";

    /// <summary>The smaller of two values (SQLite's two-argument MIN is PostgreSQL's LEAST).</summary>
    public string Least(string a, string b) => IsPostgres ? $"LEAST({a}, {b})" : $"MIN({a}, {b})";

    /// <summary>The greater of two values.</summary>
    public string Greatest(string a, string b) => IsPostgres ? $"GREATEST({a}, {b})" : $"MAX({a}, {b})";

    public override string ToString() => IsPostgres ? "postgres" : "sqlite";
}
