using Microsoft.Data.Sqlite;

namespace NewsBrief.Core.Storage;

/// <summary>
/// SQLite schema migrations, applied in order inside one transaction each; <c>PRAGMA user_version</c> records the
/// last. <see cref="PostgresMigrations"/> holds the same steps in PostgreSQL's dialect, one for one: append a
/// step to both.
/// </summary>
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
        """
        CREATE TABLE subscriptions (
            id            INTEGER PRIMARY KEY,
            owner         TEXT NOT NULL,
            name          TEXT,
            query         TEXT NOT NULL,
            destination   TEXT NOT NULL,
            mode          TEXT NOT NULL,
            created       INTEGER NOT NULL,
            start_after   INTEGER NOT NULL,
            daily_cap     INTEGER NOT NULL,
            last_digest   INTEGER
        );
        CREATE TABLE alert_state (
            id         INTEGER PRIMARY KEY CHECK (id = 1),
            watermark  INTEGER NOT NULL
        );
        CREATE TABLE alerted (
            subscription_id  INTEGER NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
            canonical_url    TEXT NOT NULL,
            article_id       INTEGER NOT NULL,
            created          INTEGER NOT NULL,
            delivery_id      INTEGER,
            PRIMARY KEY (subscription_id, canonical_url)
        );
        CREATE INDEX alerted_waiting ON alerted(subscription_id) WHERE delivery_id IS NULL;
        CREATE TABLE deliveries (
            id               INTEGER PRIMARY KEY,
            destination      TEXT NOT NULL,
            kind             TEXT NOT NULL,
            idempotency_key  TEXT NOT NULL UNIQUE,
            subscription_id  INTEGER,
            payload          TEXT NOT NULL,
            text             TEXT NOT NULL,
            created          INTEGER NOT NULL,
            status           TEXT NOT NULL,
            attempts         INTEGER NOT NULL DEFAULT 0,
            next_attempt     INTEGER NOT NULL,
            last_error       TEXT,
            sent             INTEGER,
            message_id       TEXT
        );
        CREATE INDEX deliveries_pending ON deliveries(next_attempt) WHERE status = 'pending';
        CREATE INDEX deliveries_subscription ON deliveries(subscription_id, created);
        CREATE TABLE schedules (
            id               INTEGER PRIMARY KEY,
            destination      TEXT NOT NULL UNIQUE,
            cron             TEXT NOT NULL,
            time_zone        TEXT NOT NULL,
            topics           TEXT NOT NULL,
            quiet_hours      TEXT,
            origin           TEXT NOT NULL,
            created          INTEGER NOT NULL,
            last_occurrence  INTEGER
        );
        """,
        """
        CREATE INDEX articles_content ON articles(content_hash);
        """,
        """
        CREATE INDEX articles_story ON articles(story_id);
        CREATE INDEX stories_updated ON stories(last_updated);
        CREATE TABLE story_merges (
            old_id  INTEGER PRIMARY KEY,
            new_id  INTEGER NOT NULL,
            merged  INTEGER NOT NULL
        );
        CREATE TABLE story_topics (
            story_id  INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            position  INTEGER NOT NULL,
            topic     TEXT NOT NULL,
            PRIMARY KEY (story_id, position)
        );
        """,
        // Full-text search (web /search): its own copy of title and body, kept in sync by triggers so every
        // writer of articles keeps it current without knowing of it. No stemmer: the topic query language
        // matches whole words and prefixes, and a stemmed index would miss prefixes ("regulat*").
        """
        CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');
        INSERT INTO articles_fts (rowid, title, body) SELECT id, title, COALESCE(text, description, '') FROM articles;
        CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts (rowid, title, body) VALUES (new.id, new.title, COALESCE(new.text, new.description, ''));
        END;
        CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, description, text ON articles BEGIN
            DELETE FROM articles_fts WHERE rowid = old.id;
            INSERT INTO articles_fts (rowid, title, body) VALUES (new.id, new.title, COALESCE(new.text, new.description, ''));
        END;
        CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            DELETE FROM articles_fts WHERE rowid = old.id;
        END;
        """,
        """
        CREATE TABLE events (
            id            INTEGER PRIMARY KEY,
            date          TEXT NOT NULL,
            precision     TEXT NOT NULL,
            kind          TEXT NOT NULL,
            title         TEXT NOT NULL,
            participants  TEXT NOT NULL,
            place         TEXT,
            first_seen    INTEGER NOT NULL
        );
        CREATE INDEX events_date ON events(date);
        CREATE TABLE event_citations (
            event_id    INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            sentence    TEXT NOT NULL,
            PRIMARY KEY (event_id, article_id)
        );
        CREATE INDEX event_citations_article ON event_citations(article_id);
        """,
        // Named leases of the workers sharing one store (the alert scan, the schedules, the Discord gateway leader).
        """
        CREATE TABLE leases (
            name     TEXT PRIMARY KEY,
            holder   TEXT NOT NULL,
            expires  INTEGER NOT NULL
        );
        """,
        // The summariser's cache of story summaries (key: model + prompt + articles). IF NOT EXISTS: the cache
        // created this table itself before it moved into the store.
        """
        CREATE TABLE IF NOT EXISTS summary_cache (
            key      TEXT PRIMARY KEY,
            summary  TEXT NOT NULL,
            created  TEXT NOT NULL
        );
        """,
        // Per-part progress of a delivery split into several messages (Slack, Teams, Discord).
        """
        ALTER TABLE deliveries ADD COLUMN parts_sent INTEGER NOT NULL DEFAULT 0;
        """,
        // Search: the full-text index rebuilt with prefix indexes of 2 and 3 characters, so a short prefix (w7*,
        // ai*) reads one list instead of merging the lists of every word it starts (thousands of them). The triggers
        // on articles name the table, so they keep it in sync as before.
        """
        DROP TABLE articles_fts;
        CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
        INSERT INTO articles_fts (rowid, title, body) SELECT id, title, COALESCE(text, description, '') FROM articles;
        """,
        // Each article's sentence vector for story similarity (Stories:Embeddings): float32 little-endian, encoded once
        // at ingest and read back for candidates. The model's name is kept so another model's vectors are never compared.
        """
        CREATE TABLE article_vectors (
            article_id  INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            model       TEXT NOT NULL,
            vector      BLOB NOT NULL
        );
        """,
    ];

    public static int Latest => Steps.Length;

    /// <summary>
    /// Applies the pending steps. Each step runs in a write transaction (BEGIN IMMEDIATE) that re-reads the
    /// version first, so two processes opening a new file at once apply each step once: the second waits
    /// on the lock, then sees the step done.
    /// </summary>
    public static void Apply(SqliteConnection connection)
    {
        while (true)
        {
            using var tx = connection.BeginTransaction(deferred: false);
            var version = CurrentVersion(connection);
            if (version >= Steps.Length) return;
            using (var cmd = connection.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = Steps[version] + $"\nPRAGMA user_version = {version + 1};";
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
