using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace NewsBrief.Core.Storage;

/// <summary>
/// Copies a SQLite store into an empty, migrated PostgreSQL store: every table of the SQLite schema (so tables
/// added later come along) except the FTS5 index, which PostgreSQL rebuilds as its generated tsvector. The
/// source is read in one snapshot; the target is written with binary COPY in one transaction, in foreign-key
/// order, its identity sequences moved past the copied ids, and its counts checked before commit: on a
/// mismatch nothing is kept.
/// </summary>
public static class StoreCopy
{
    public static IReadOnlyList<TableCount> Copy(NewsBriefDatabase source, NewsBriefDatabase target, CancellationToken cancellationToken = default)
    {
        if (source.Provider != StorageProvider.Sqlite) throw new StoreCopyException("the source of a copy is a SQLite store");
        if (target.PostgresDataSource is not { } dataSource) throw new StoreCopyException("the target of a copy is a PostgreSQL store");

        using var from = (SqliteConnection)source.Connect();
        using var snapshot = from.BeginTransaction(deferred: true);
        var tables = TablesInDependencyOrder(from);

        using var to = dataSource.OpenConnection();
        var targetColumns = TargetColumns(to);
        foreach (var table in tables)
        {
            if (!targetColumns.ContainsKey(table))
                throw new StoreCopyException($"table '{table}' of the SQLite store does not exist in the PostgreSQL database (is the target at the same schema version?)");
            var rows = Count(to, null, table);
            if (rows > 0)
                throw new StoreCopyException($"the target is not empty: table '{table}' holds {rows:N0} rows; copy only into an empty database (create a new one, or drop this one's tables)");
        }

        using var tx = to.BeginTransaction();
        var counts = new List<TableCount>();
        foreach (var table in tables)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var copied = CopyTable(from, snapshot, to, table, targetColumns[table]);
            counts.Add(new TableCount(table, copied, Count(to, tx, table)));
        }
        foreach (var table in tables.Where(t => targetColumns[t].Any(c => c.Identity)))
            Execute(to, tx, $"SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)");
        // The source's own counts, in the same snapshot the rows were read from.
        counts = counts.Select(c => c with { Source = Count(from, snapshot, c.Table) }).ToList();
        if (counts.All(c => c.Matches)) tx.Commit();
        else tx.Rollback();
        return counts;
    }

    /// <summary>The SQLite tables to copy, each after the tables its foreign keys reference.</summary>
    private static List<string> TablesInDependencyOrder(SqliteConnection connection)
    {
        var names = new List<string>();
        using (var cmd = connection.CreateCommand())
        {
            // Virtual tables (FTS5) and their shadow tables are an index, rebuilt on the other side.
            cmd.CommandText = """
                SELECT name FROM sqlite_master
                WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'
                  AND name NOT IN (SELECT m.name || s.suffix FROM sqlite_master m, (SELECT '_data' AS suffix UNION ALL SELECT '_idx' UNION ALL SELECT '_content' UNION ALL SELECT '_docsize' UNION ALL SELECT '_config') s
                                   WHERE m.sql LIKE 'CREATE VIRTUAL TABLE%')
                ORDER BY name
                """;
            using var r = cmd.ExecuteReader();
            while (r.Read()) names.Add(r.GetString(0));
        }
        var references = names.ToDictionary(n => n, n =>
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = $"SELECT \"table\" FROM pragma_foreign_key_list('{n}')";
            using var r = cmd.ExecuteReader();
            var list = new List<string>();
            while (r.Read()) list.Add(r.GetString(0));
            return list;
        });
        var ordered = new List<string>();
        var placed = new HashSet<string>();
        void Place(string name, int depth)
        {
            if (placed.Contains(name) || depth > names.Count) return;
            foreach (var parent in references[name].Where(p => p != name && references.ContainsKey(p))) Place(parent, depth + 1);
            if (placed.Add(name)) ordered.Add(name);
        }
        foreach (var name in names) Place(name, 0);
        return ordered;
    }

    private sealed record Column(string Name, NpgsqlDbType Type, bool Identity, bool Generated);

    private static Dictionary<string, List<Column>> TargetColumns(NpgsqlConnection connection)
    {
        using var cmd = new NpgsqlCommand("""
            SELECT table_name, column_name, data_type, is_identity, is_generated FROM information_schema.columns
            WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position
            """, connection);
        using var r = cmd.ExecuteReader();
        var tables = new Dictionary<string, List<Column>>(StringComparer.Ordinal);
        while (r.Read())
        {
            var type = r.GetString(2) switch
            {
                "bigint" => NpgsqlDbType.Bigint,
                "integer" => NpgsqlDbType.Integer,
                "smallint" => NpgsqlDbType.Smallint,
                "boolean" => NpgsqlDbType.Boolean,
                "double precision" => NpgsqlDbType.Double,
                "real" => NpgsqlDbType.Real,
                "bytea" => NpgsqlDbType.Bytea,
                "tsvector" => NpgsqlDbType.TsVector,
                _ => NpgsqlDbType.Text,
            };
            if (!tables.TryGetValue(r.GetString(0), out var columns)) tables[r.GetString(0)] = columns = [];
            columns.Add(new Column(r.GetString(1), type, r.GetString(3) == "YES", r.GetString(4) == "ALWAYS"));
        }
        return tables;
    }

    /// <summary>Streams one table through binary COPY; returns the rows written.</summary>
    private static long CopyTable(SqliteConnection from, SqliteTransaction snapshot, NpgsqlConnection to, string table, List<Column> targetColumns)
    {
        using var read = from.CreateCommand();
        read.Transaction = snapshot;
        read.CommandText = $"SELECT * FROM \"{table}\"";
        using var r = read.ExecuteReader();
        var byName = targetColumns.Where(c => !c.Generated).ToDictionary(c => c.Name, StringComparer.Ordinal);
        var columns = Enumerable.Range(0, r.FieldCount).Select(i => byName.TryGetValue(r.GetName(i), out var c)
            ? c
            : throw new StoreCopyException($"column '{table}.{r.GetName(i)}' of the SQLite store does not exist in the PostgreSQL database")).ToList();
        using var writer = to.BeginBinaryImport($"COPY {table} ({string.Join(", ", columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)");
        long rows = 0;
        while (r.Read())
        {
            writer.StartRow();
            for (var i = 0; i < columns.Count; i++)
            {
                var value = r.GetValue(i);
                if (value is DBNull) writer.WriteNull();
                else writer.Write(Convert(value, columns[i].Type), columns[i].Type);
            }
            rows++;
        }
        writer.Complete();
        return rows;
    }

    private static object Convert(object value, NpgsqlDbType type) => type switch
    {
        NpgsqlDbType.Bigint => System.Convert.ToInt64(value),
        NpgsqlDbType.Integer => System.Convert.ToInt32(value),
        NpgsqlDbType.Smallint => System.Convert.ToInt16(value),
        NpgsqlDbType.Boolean => System.Convert.ToInt64(value) != 0,
        NpgsqlDbType.Double => System.Convert.ToDouble(value),
        NpgsqlDbType.Real => System.Convert.ToSingle(value),
        NpgsqlDbType.Bytea => value as byte[] ?? System.Text.Encoding.UTF8.GetBytes(value.ToString()!),
        _ => DbParameters.WithoutNul(value as string ?? System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!),
    };

    private static long Count(NpgsqlConnection connection, NpgsqlTransaction? tx, string table)
    {
        using var cmd = new NpgsqlCommand($"SELECT COUNT(*) FROM {table}", connection, tx);
        return System.Convert.ToInt64(cmd.ExecuteScalar());
    }

    private static long Count(SqliteConnection connection, SqliteTransaction tx, string table)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return System.Convert.ToInt64(cmd.ExecuteScalar());
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction tx, string sql)
    {
        using var cmd = new NpgsqlCommand(sql, connection, tx);
        cmd.ExecuteNonQuery();
    }
}
