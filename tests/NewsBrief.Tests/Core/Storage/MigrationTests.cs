using NewsBrief.Core.Storage;
using NewsBrief.Tests.Support;

namespace NewsBrief.Tests.Core.Storage;

/// <summary>Workers starting together on an empty database migrate it once; both dialects hold the same steps.</summary>
public abstract class MigrationTests(StorageProvider provider)
{
    [StoreFact]
    public void FourWorkersOpeningAnEmptyDatabaseAtOnce_AllStart_AndEachStepRunsOnce()
    {
        using var dir = new TempDirectory();
        using var pg = provider == StorageProvider.Postgres ? TestPostgres.CreateDatabase() : null;
        using var start = new Barrier(4);
        var opened = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait();
            return pg is null ? NewsBriefDatabase.Open(dir.Path) : NewsBriefDatabase.OpenPostgres(pg.ConnectionString);
        })).ToArray();

        Task.WaitAll(opened);

        foreach (var db in opened.Select(t => t.Result))
        {
            Assert.Equal(Migrations.Latest, db.SchemaVersion());
            using (var connection = db.Connect())
            using (var cmd = connection.CreateCommand())
            {
                // one row of the version table on PostgreSQL; on SQLite, the file has each table once
                cmd.CommandText = pg is null ? "SELECT COUNT(*) FROM sqlite_master WHERE name = 'articles'" : "SELECT COUNT(*) FROM schema_version";
                Assert.Equal(1L, Convert.ToInt64(cmd.ExecuteScalar()));
            }
            db.Dispose();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public void BothDialects_HaveTheSameNumberOfSteps() => Assert.Equal(Migrations.Latest, PostgresMigrations.Latest);
}

public sealed class MigrationSqliteTests() : MigrationTests(StorageProvider.Sqlite);

[PostgresStore]
public sealed class MigrationPostgresTests() : MigrationTests(StorageProvider.Postgres);
