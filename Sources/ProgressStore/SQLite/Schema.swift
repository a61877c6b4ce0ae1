internal import GRDB

/// The database schema as an ordered list of migrations; its version is the number of migrations.
///
/// Each migration runs once, in a transaction, at open (GRDB's `DatabaseMigrator` records the identifiers
/// it applied in `grdb_migrations`), and sets `PRAGMA user_version` to its number, so the version can be
/// read with any SQLite tool. A database that has a migration this binary does not know, or a higher
/// `user_version`, was written by a newer KubeTutor and is refused untouched.
///
/// Times are INTEGER milliseconds since 1970 UTC (see ``Timestamp``): exact, compact, and cheap to
/// subtract in the report query.
struct Schema: Sendable {
    /// One step of the schema.
    struct Migration: Sendable {
        /// The name recorded in `grdb_migrations`; never change a released one.
        var identifier: String
        /// The statements that make the step.
        var sql: String
    }

    var migrations: [Migration]

    /// The version a database has once every migration ran.
    var version: Int { migrations.count }

    /// The schema this binary writes.
    static let current = Schema(migrations: [Migration(identifier: "v1-progress", sql: version1)])

    var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for (index, migration) in migrations.enumerated() {
            migrator.registerMigration(migration.identifier) { db in
                try db.execute(sql: migration.sql)
                try db.execute(sql: "PRAGMA user_version = \(index + 1)")
            }
        }
        return migrator
    }

    /// Throws ``ProgressStoreError/newerSchema`` when `db` was migrated past what this schema knows.
    func refuseNewer(_ db: Database) throws {
        let userVersion = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        let applied = try migrator.appliedIdentifiers(db)
        let unknown = applied.subtracting(migrations.map(\.identifier))
        if userVersion > version || !unknown.isEmpty {
            throw ProgressStoreError.newerSchema(found: max(userVersion, applied.count), known: version)
        }
    }

    private static let version1 = """
        CREATE TABLE classes (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL COLLATE NOCASE UNIQUE,
            name TEXT NOT NULL,
            created_at INTEGER NOT NULL
        );

        CREATE TABLE learners (
            id INTEGER PRIMARY KEY,
            handle TEXT NOT NULL COLLATE NOCASE UNIQUE,
            display_name TEXT NOT NULL,
            class_code TEXT COLLATE NOCASE REFERENCES classes(code) ON UPDATE CASCADE,
            created_at INTEGER NOT NULL
        );
        CREATE INDEX learners_by_class ON learners(class_code, handle);

        -- Only the SHA-256 of a token is kept: a copy of this file signs nobody in.
        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            token_hash BLOB NOT NULL UNIQUE,
            learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
            created_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL
        );
        CREATE INDEX sessions_by_learner ON sessions(learner_id);
        CREATE INDEX sessions_by_expiry ON sessions(expires_at);

        CREATE TABLE exercise_opens (
            learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
            lesson_id TEXT NOT NULL,
            exercise_id TEXT NOT NULL,
            opened_at INTEGER NOT NULL,
            PRIMARY KEY (learner_id, lesson_id, exercise_id)
        ) WITHOUT ROWID;

        CREATE TABLE attempts (
            id INTEGER PRIMARY KEY,
            learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
            lesson_id TEXT NOT NULL,
            exercise_id TEXT NOT NULL,
            yaml TEXT NOT NULL,
            passed INTEGER NOT NULL CHECK (passed IN (0, 1)),
            check_results TEXT NOT NULL,       -- JSON: [{"name", "passed", "message"}]
            error_count INTEGER NOT NULL,
            warning_count INTEGER NOT NULL,
            first_error_message TEXT,
            seconds_since_open REAL,
            created_at INTEGER NOT NULL
        );
        -- A learner's attempts in time order: the timeline, progress, export and import's merge.
        CREATE INDEX attempts_by_learner ON attempts(learner_id, created_at);

        -- One row per (learner, lesson, exercise) opened or attempted, kept by the triggers below in the same
        -- transaction as the open or attempt, so the instructors' report reads it instead of aggregating
        -- every attempt. Derived data: it can always be rebuilt from exercise_opens and attempts.
        CREATE TABLE exercise_summaries (
            learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
            lesson_id TEXT NOT NULL,
            exercise_id TEXT NOT NULL,
            opened_at INTEGER,
            attempts INTEGER NOT NULL DEFAULT 0,
            first_attempt_at INTEGER,
            passed_at INTEGER,                 -- the first passing attempt's time
            last_error_at INTEGER,             -- the latest attempt with an error message, by (created_at, id)
            last_error_attempt_id INTEGER,
            last_error_message TEXT,
            PRIMARY KEY (learner_id, lesson_id, exercise_id)
        ) WITHOUT ROWID;

        CREATE TRIGGER exercise_opens_summarised AFTER INSERT ON exercise_opens BEGIN
            INSERT INTO exercise_summaries (learner_id, lesson_id, exercise_id, opened_at)
            VALUES (NEW.learner_id, NEW.lesson_id, NEW.exercise_id, NEW.opened_at)
            ON CONFLICT (learner_id, lesson_id, exercise_id) DO UPDATE SET opened_at = excluded.opened_at;
        END;

        CREATE TRIGGER exercise_opens_resummarised AFTER UPDATE OF opened_at ON exercise_opens BEGIN
            UPDATE exercise_summaries SET opened_at = NEW.opened_at
            WHERE learner_id = NEW.learner_id AND lesson_id = NEW.lesson_id AND exercise_id = NEW.exercise_id;
        END;

        -- Imported attempts may be older than stored ones, so every field takes the earlier/later value explicitly.
        -- (SQLite's two-argument MIN is NULL when either side is; COALESCE picks the side that is known.)
        CREATE TRIGGER attempts_summarised AFTER INSERT ON attempts BEGIN
            INSERT INTO exercise_summaries (learner_id, lesson_id, exercise_id, attempts, first_attempt_at, passed_at,
                                            last_error_at, last_error_attempt_id, last_error_message)
            VALUES (NEW.learner_id, NEW.lesson_id, NEW.exercise_id, 1, NEW.created_at,
                    CASE WHEN NEW.passed THEN NEW.created_at END,
                    CASE WHEN NEW.first_error_message IS NOT NULL THEN NEW.created_at END,
                    CASE WHEN NEW.first_error_message IS NOT NULL THEN NEW.id END,
                    NEW.first_error_message)
            ON CONFLICT (learner_id, lesson_id, exercise_id) DO UPDATE SET
                attempts = attempts + 1,
                first_attempt_at = COALESCE(MIN(first_attempt_at, excluded.first_attempt_at), first_attempt_at, excluded.first_attempt_at),
                passed_at = COALESCE(MIN(passed_at, excluded.passed_at), passed_at, excluded.passed_at),
                last_error_message = CASE
                    WHEN excluded.last_error_message IS NOT NULL AND (last_error_at IS NULL
                         OR (excluded.last_error_at, excluded.last_error_attempt_id) > (last_error_at, last_error_attempt_id))
                    THEN excluded.last_error_message ELSE last_error_message END,
                last_error_attempt_id = CASE
                    WHEN excluded.last_error_message IS NOT NULL AND (last_error_at IS NULL
                         OR (excluded.last_error_at, excluded.last_error_attempt_id) > (last_error_at, last_error_attempt_id))
                    THEN excluded.last_error_attempt_id ELSE last_error_attempt_id END,
                last_error_at = CASE
                    WHEN excluded.last_error_message IS NOT NULL AND (last_error_at IS NULL
                         OR (excluded.last_error_at, excluded.last_error_attempt_id) > (last_error_at, last_error_attempt_id))
                    THEN excluded.last_error_at ELSE last_error_at END;
        END;

        CREATE TABLE quiz_answers (
            id INTEGER PRIMARY KEY,
            learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
            lesson_id TEXT NOT NULL,
            quiz_id TEXT NOT NULL,
            chosen_index INTEGER NOT NULL,
            correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
            created_at INTEGER NOT NULL
        );
        CREATE INDEX quiz_answers_by_learner ON quiz_answers(learner_id, created_at);

        CREATE TABLE completions (
            learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
            lesson_id TEXT NOT NULL,
            completed_at INTEGER NOT NULL,
            PRIMARY KEY (learner_id, lesson_id)
        ) WITHOUT ROWID;
        """
}
