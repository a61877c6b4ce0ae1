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
        /// Swift work that runs after ``sql`` in the same transaction: derived rows SQL alone cannot compute.
        var backfill: (@Sendable (Database) throws -> Void)? = nil
    }

    var migrations: [Migration]

    /// The version a database has once every migration ran.
    var version: Int { migrations.count }

    /// The schema this binary writes.
    static let current = Schema(migrations: [
        Migration(identifier: "v1-progress", sql: version1),
        Migration(identifier: "v2-report-statistics", sql: version2, backfill: SQLiteProgressStore.backfillExerciseFailures),
    ])

    var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for (index, migration) in migrations.enumerated() {
            migrator.registerMigration(migration.identifier) { db in
                try db.execute(sql: migration.sql)
                try migration.backfill?(db)
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

    /// What the instructors' statistics read instead of every attempt: the attempts each learner needed for
    /// their first pass, and each learner's failing checks and checker messages, grouped (see ``FailurePattern``).
    private static let version2 = """
        ALTER TABLE exercise_summaries ADD COLUMN attempts_to_pass INTEGER;

        -- The attempts recorded before the first pass, plus the pass. Recounted whenever attempts or passed_at change
        -- (an imported attempt may be older than the pass), along the learner's attempts_by_learner range.
        UPDATE exercise_summaries SET attempts_to_pass = 1 + (
            SELECT COUNT(*) FROM attempts a
            WHERE a.learner_id = exercise_summaries.learner_id AND a.created_at < exercise_summaries.passed_at
              AND a.lesson_id = exercise_summaries.lesson_id AND a.exercise_id = exercise_summaries.exercise_id)
        WHERE passed_at IS NOT NULL;

        CREATE TRIGGER exercise_summaries_passed AFTER INSERT ON exercise_summaries WHEN NEW.passed_at IS NOT NULL BEGIN
            UPDATE exercise_summaries SET attempts_to_pass = 1 + (
                SELECT COUNT(*) FROM attempts a
                WHERE a.learner_id = NEW.learner_id AND a.created_at < NEW.passed_at
                  AND a.lesson_id = NEW.lesson_id AND a.exercise_id = NEW.exercise_id)
            WHERE learner_id = NEW.learner_id AND lesson_id = NEW.lesson_id AND exercise_id = NEW.exercise_id;
        END;

        CREATE TRIGGER exercise_summaries_repassed AFTER UPDATE OF attempts, passed_at ON exercise_summaries
        WHEN NEW.passed_at IS NOT NULL BEGIN
            UPDATE exercise_summaries SET attempts_to_pass = 1 + (
                SELECT COUNT(*) FROM attempts a
                WHERE a.learner_id = NEW.learner_id AND a.created_at < NEW.passed_at
                  AND a.lesson_id = NEW.lesson_id AND a.exercise_id = NEW.exercise_id)
            WHERE learner_id = NEW.learner_id AND lesson_id = NEW.lesson_id AND exercise_id = NEW.exercise_id;
        END;

        -- One row per learner and failure pattern of an exercise, written with each attempt (the pattern of a
        -- checker message is computed in Swift: see MessagePattern). In primary-key order the report groups it
        -- without sorting. Derived data: the migration fills it from the attempts already stored.
        CREATE TABLE exercise_failures (
            lesson_id TEXT NOT NULL,
            exercise_id TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('check', 'message')),
            pattern TEXT NOT NULL,
            learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
            attempts INTEGER NOT NULL,         -- this learner's attempts that failed this way
            example TEXT NOT NULL,             -- the smallest message in binary order, so both stores pick the same
            PRIMARY KEY (lesson_id, exercise_id, kind, pattern, learner_id)
        ) WITHOUT ROWID;
        CREATE INDEX exercise_failures_by_learner ON exercise_failures(learner_id);

        -- exercise_failures summed per class ('' for no class): a few hundred rows the report reads whatever the number
        -- of learners. Kept by the triggers below; a learner's class never changes, so each row stays in its class.
        CREATE TABLE exercise_failure_counts (
            class_code TEXT NOT NULL,
            lesson_id TEXT NOT NULL,
            exercise_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            pattern TEXT NOT NULL,
            learners INTEGER NOT NULL,
            attempts INTEGER NOT NULL,
            example TEXT NOT NULL,
            PRIMARY KEY (class_code, lesson_id, exercise_id, kind, pattern)
        ) WITHOUT ROWID;

        CREATE TRIGGER exercise_failures_counted AFTER INSERT ON exercise_failures BEGIN
            INSERT INTO exercise_failure_counts (class_code, lesson_id, exercise_id, kind, pattern, learners, attempts, example)
            VALUES (COALESCE((SELECT class_code FROM learners WHERE id = NEW.learner_id), ''), NEW.lesson_id, NEW.exercise_id,
                    NEW.kind, NEW.pattern, 1, NEW.attempts, NEW.example)
            ON CONFLICT (class_code, lesson_id, exercise_id, kind, pattern) DO UPDATE SET
                learners = learners + 1, attempts = attempts + excluded.attempts, example = MIN(example, excluded.example);
        END;

        CREATE TRIGGER exercise_failures_recounted AFTER UPDATE OF attempts, example ON exercise_failures BEGIN
            UPDATE exercise_failure_counts SET attempts = attempts + NEW.attempts - OLD.attempts, example = MIN(example, NEW.example)
            WHERE class_code = COALESCE((SELECT class_code FROM learners WHERE id = NEW.learner_id), '')
              AND lesson_id = NEW.lesson_id AND exercise_id = NEW.exercise_id AND kind = NEW.kind AND pattern = NEW.pattern;
        END;

        CREATE TRIGGER exercise_failures_uncounted AFTER DELETE ON exercise_failures BEGIN
            UPDATE exercise_failure_counts SET learners = learners - 1, attempts = attempts - OLD.attempts
            WHERE class_code = COALESCE((SELECT class_code FROM learners WHERE id = OLD.learner_id), '')
              AND lesson_id = OLD.lesson_id AND exercise_id = OLD.exercise_id AND kind = OLD.kind AND pattern = OLD.pattern;
        END;

        -- Each learner's latest open, attempt, quiz answer or completion, so the report reads one row per learner.
        CREATE TABLE learner_activity (
            learner_id INTEGER PRIMARY KEY REFERENCES learners(id) ON DELETE CASCADE,
            last_at INTEGER NOT NULL
        );
        INSERT INTO learner_activity (learner_id, last_at)
        SELECT learner_id, MAX(at) FROM (
            SELECT learner_id, MAX(created_at) AS at FROM attempts GROUP BY learner_id
            UNION ALL SELECT learner_id, MAX(opened_at) FROM exercise_opens GROUP BY learner_id
            UNION ALL SELECT learner_id, MAX(created_at) FROM quiz_answers GROUP BY learner_id
            UNION ALL SELECT learner_id, MAX(completed_at) FROM completions GROUP BY learner_id
        ) GROUP BY learner_id;

        CREATE TRIGGER attempts_active AFTER INSERT ON attempts BEGIN
            INSERT INTO learner_activity (learner_id, last_at) VALUES (NEW.learner_id, NEW.created_at)
            ON CONFLICT (learner_id) DO UPDATE SET last_at = MAX(last_at, excluded.last_at);
        END;
        CREATE TRIGGER quiz_answers_active AFTER INSERT ON quiz_answers BEGIN
            INSERT INTO learner_activity (learner_id, last_at) VALUES (NEW.learner_id, NEW.created_at)
            ON CONFLICT (learner_id) DO UPDATE SET last_at = MAX(last_at, excluded.last_at);
        END;
        CREATE TRIGGER exercise_opens_active AFTER INSERT ON exercise_opens BEGIN
            INSERT INTO learner_activity (learner_id, last_at) VALUES (NEW.learner_id, NEW.opened_at)
            ON CONFLICT (learner_id) DO UPDATE SET last_at = MAX(last_at, excluded.last_at);
        END;
        CREATE TRIGGER completions_active AFTER INSERT ON completions BEGIN
            INSERT INTO learner_activity (learner_id, last_at) VALUES (NEW.learner_id, NEW.completed_at)
            ON CONFLICT (learner_id) DO UPDATE SET last_at = MAX(last_at, excluded.last_at);
        END;
        -- An import moves an open or a completion earlier; the latest time may then be another record's: recount.
        CREATE TRIGGER exercise_opens_reactive AFTER UPDATE OF opened_at ON exercise_opens BEGIN
            UPDATE learner_activity SET last_at = (
                SELECT MAX(at) FROM (
                    SELECT MAX(created_at) AS at FROM attempts WHERE learner_id = NEW.learner_id
                    UNION ALL SELECT MAX(opened_at) FROM exercise_opens WHERE learner_id = NEW.learner_id
                    UNION ALL SELECT MAX(created_at) FROM quiz_answers WHERE learner_id = NEW.learner_id
                    UNION ALL SELECT MAX(completed_at) FROM completions WHERE learner_id = NEW.learner_id))
            WHERE learner_id = NEW.learner_id;
        END;
        CREATE TRIGGER completions_reactive AFTER UPDATE OF completed_at ON completions BEGIN
            UPDATE learner_activity SET last_at = (
                SELECT MAX(at) FROM (
                    SELECT MAX(created_at) AS at FROM attempts WHERE learner_id = NEW.learner_id
                    UNION ALL SELECT MAX(opened_at) FROM exercise_opens WHERE learner_id = NEW.learner_id
                    UNION ALL SELECT MAX(created_at) FROM quiz_answers WHERE learner_id = NEW.learner_id
                    UNION ALL SELECT MAX(completed_at) FROM completions WHERE learner_id = NEW.learner_id))
            WHERE learner_id = NEW.learner_id;
        END;
        """
}
