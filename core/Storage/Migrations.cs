using Microsoft.Data.Sqlite;

namespace NewsBrief.Core.Storage;

/// <summary>Schema migrations, applied in order inside one transaction each; <c>PRAGMA user_version</c> records the last.</summary>
internal static class Migrations
{
    private static readonly string[] Steps =
    [
        """
        CREATE TABLE source_state (
            source_id      TEXT PRIMARY KEY,
            etag           TEXT,
            last_modified  TEXT,
            last_polled    INTEGER,
            last_success   INTEGER,
            next_poll      INTEGER,
            failures       INTEGER NOT NULL DEFAULT 0,
            last_error     TEXT,
            last_outcome   TEXT
        );
        CREATE TABLE stories (
            id            INTEGER PRIMARY KEY,
            first_seen    INTEGER NOT NULL,
            last_updated  INTEGER NOT NULL,
            headline      TEXT NOT NULL
        );
        CREATE TABLE articles (
            id             INTEGER PRIMARY KEY,
            source_id      TEXT NOT NULL,
            url            TEXT NOT NULL,
            canonical_url  TEXT NOT NULL UNIQUE,
            guid           TEXT,
            title          TEXT NOT NULL,
            description    TEXT,
            text           TEXT,
            author         TEXT,
            published      INTEGER,
            fetched        INTEGER NOT NULL,
            language       TEXT,
            content_hash   TEXT NOT NULL,
            story_id       INTEGER REFERENCES stories(id) ON DELETE SET NULL
        );
        CREATE UNIQUE INDEX articles_source_guid ON articles(source_id, guid) WHERE guid IS NOT NULL;
        CREATE INDEX articles_dated ON articles(COALESCE(published, fetched));
        CREATE INDEX articles_source ON articles(source_id);
        CREATE TABLE briefs (
            id           INTEGER PRIMARY KEY,
            created      INTEGER NOT NULL,
            window_from  INTEGER NOT NULL,
            window_to    INTEGER NOT NULL,
            scope        TEXT NOT NULL,
            engine       TEXT NOT NULL,
            document     TEXT NOT NULL
        );
        CREATE TABLE brief_articles (
            brief_id    INTEGER NOT NULL REFERENCES briefs(id) ON DELETE CASCADE,
            article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            PRIMARY KEY (brief_id, article_id)
        );
        """,
    ];

    public static int Latest => Steps.Length;

    public static void Apply(SqliteConnection connection)
    {
        var version = CurrentVersion(connection);
        for (var step = version; step < Steps.Length; step++)
        {
            using var tx = connection.BeginTransaction();
            using (var cmd = connection.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = Steps[step] + $"\nPRAGMA user_version = {step + 1};";
                cmd.ExecuteNonQuery();
            }
            tx.Commit();
        }
    }

    public static int CurrentVersion(SqliteConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(cmd.ExecuteScalar());
    }
}
