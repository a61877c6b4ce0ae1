import Foundation
internal import GRDB

/// A ``ProgressStore`` in one SQLite file, through GRDB over the system libsqlite3.
///
/// At open: a database written by a newer KubeTutor is refused before anything touches it; then the file
/// is put in WAL mode (a `DatabasePool`: many readers while one writer commits), foreign keys are on, and
/// pending migrations run.
///
/// Durability: `PRAGMA synchronous = FULL`. In WAL mode that syncs the log at every commit, so a record
/// whose method returned survives not only a killed process (`kill -9`, which `NORMAL` already survives)
/// but also a power cut or a kernel crash. The price is one fsync per write, which human-paced
/// submissions do not notice.
///
/// No GRDB type crosses this module's boundary: callers see the ``ProgressStore`` protocol, plain values and
/// ``ProgressStoreError``.
public final class SQLiteProgressStore: ProgressStore {
    /// Where the database lives unless `--db` says otherwise.
    public static let defaultPath = "./kubetutor.db"

    /// The schema version this binary writes.
    public static var schemaVersion: Int { Schema.current.version }

    /// The database file.
    public let path: String
    let pool: DatabasePool
    let clock: @Sendable () -> Date
    let schema: Schema
    /// Attempts waiting to be committed together.
    let attempts = AttemptQueue()

    /// Opens (creating it if needed) the database at `path` and brings its schema up to date.
    ///
    /// Throws ``ProgressStoreError/newerSchema`` for a file written by a newer KubeTutor, leaving it untouched,
    /// and ``ProgressStoreError/storageFailure`` when the file cannot be opened or is not a database.
    public convenience init(path: String = SQLiteProgressStore.defaultPath, clock: @escaping @Sendable () -> Date = Date.init) throws {
        try self.init(path: path, clock: clock, schema: .current)
    }

    /// Opens the database with a given schema; tests use it to play a newer binary.
    init(path: String, clock: @escaping @Sendable () -> Date, schema: Schema) throws {
        self.path = path
        self.clock = clock
        self.schema = schema
        do {
            if FileManager.default.fileExists(atPath: path) {
                try Self.refuseNewer(at: path, schema: schema)
            }
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            // Another process (the report CLI beside the server) may hold the write lock for a moment.
            configuration.busyMode = .timeout(5)
            pool = try DatabasePool(path: path, configuration: configuration)
            try pool.barrierWriteWithoutTransaction { db in
                // Only the writer's setting decides durability; GRDB sets NORMAL when it turns WAL on.
                try db.execute(cached: "PRAGMA synchronous = FULL")
                try schema.refuseNewer(db)
            }
            try schema.migrator.migrate(pool)
        } catch {
            throw Self.storeError(error, doing: "open the progress database at \(path)")
        }
    }

    /// Reads the schema through a read-only connection, so a newer database is refused without being written to.
    private static func refuseNewer(at path: String, schema: Schema) throws {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        try queue.read { db in try schema.refuseNewer(db) }
    }

    /// Closes the database's connections; the store cannot be used afterwards.
    public func close() throws {
        do {
            try pool.close()
        } catch {
            throw Self.storeError(error, doing: "close the progress database")
        }
    }

    // MARK: Access

    /// Runs `body` in a write transaction and returns once it committed; `now` is read inside the transaction,
    /// so times follow commit order.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database, _ now: Int64) throws -> T) async throws -> T {
        let clock = self.clock
        do {
            return try await pool.write { db in try body(db, Timestamp.milliseconds(clock())) }
        } catch {
            throw Self.storeError(error, doing: "write to the progress database")
        }
    }

    /// Runs `body` in a read transaction (a consistent snapshot, concurrent with writes).
    func read<T: Sendable>(_ body: @escaping @Sendable (Database, _ now: Int64) throws -> T) async throws -> T {
        let clock = self.clock
        do {
            return try await pool.read { db in try body(db, Timestamp.milliseconds(clock())) }
        } catch {
            throw Self.storeError(error, doing: "read the progress database")
        }
    }

    /// `error` as a ``ProgressStoreError``: store errors pass through, anything else becomes a storage failure.
    static func storeError(_ error: any Error, doing action: String) -> ProgressStoreError {
        if let error = error as? ProgressStoreError {
            return error
        }
        if let error = error as? DatabaseError {
            return ProgressStoreError.storageFailure.with("could not \(action): \(error.message ?? "SQLite error \(error.resultCode)")")
        }
        return ProgressStoreError.storageFailure.with("could not \(action): \(error)")
    }

    // MARK: Learners

    /// Creates a learner; see ``ProgressStore/createLearner(handle:displayName:classCode:)``.
    public func createLearner(handle: String, displayName: String, classCode: String?) async throws -> Learner {
        let name = try Admission.learner(handle: handle, displayName: displayName)
        return try await write { db, now in
            let code = try classCode.map { try Self.canonicalClassCode(db, $0) }
            guard try Self.learner(db, handle: handle) == nil else { throw Admission.handleTaken(handle) }
            return try Self.insertLearner(db, handle: handle, displayName: name, classCode: code, createdAt: now)
        }
    }

    /// The learner with this handle (case-insensitively), or nil.
    public func learner(handle: String) async throws -> Learner? {
        try await read { db, _ in try Self.learner(db, handle: handle) }
    }

    /// The learner with this id, or nil.
    public func learner(id: Int64) async throws -> Learner? {
        try await read { db, _ in try Self.learner(db, id: id) }
    }

    static let learnerColumns = "id, handle, display_name, class_code, created_at"

    static func learner(row: Row) throws -> Learner {
        Learner(
            id: try row.decode(atIndex: 0), handle: try row.decode(atIndex: 1), displayName: try row.decode(atIndex: 2),
            classCode: try row.decode(atIndex: 3), createdAt: Timestamp.date(try row.decode(atIndex: 4)))
    }

    static func learner(_ db: Database, handle: String) throws -> Learner? {
        try db.row("SELECT \(learnerColumns) FROM learners WHERE handle = ?", arguments: [handle])
            .map(learner(row:))
    }

    static func learner(_ db: Database, id: Int64) throws -> Learner? {
        try db.row("SELECT \(learnerColumns) FROM learners WHERE id = ?", arguments: [id])
            .map(learner(row:))
    }

    @discardableResult
    static func requireLearner(_ db: Database, _ id: Int64) throws -> Learner {
        guard let learner = try learner(db, id: id) else { throw Admission.unknownLearner(id: id) }
        return learner
    }

    static func insertLearner(_ db: Database, handle: String, displayName: String, classCode: String?, createdAt: Int64) throws -> Learner {
        do {
            try db.execute(
                cached: "INSERT INTO learners (handle, display_name, class_code, created_at) VALUES (?, ?, ?, ?)",
                arguments: [handle, displayName, classCode, createdAt])
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw Admission.handleTaken(handle)
        }
        return Learner(
            id: db.lastInsertedRowID, handle: handle, displayName: displayName, classCode: classCode, createdAt: Timestamp.date(createdAt))
    }

    // MARK: Sessions

    /// Starts a session; only the token's SHA-256 is written to the file.
    public func createSession(for learnerID: Int64, lifetime: TimeInterval) async throws -> IssuedSession {
        let token = SessionToken.generate()
        let hash = Data(SessionToken.hash(token))
        return try await write { db, now in
            try Self.requireLearner(db, learnerID)
            try db.execute(cached: "DELETE FROM sessions WHERE expires_at <= ?", arguments: [now])
            let expiresAt = now + Int64((lifetime * 1000).rounded())
            try db.execute(
                cached: "INSERT INTO sessions (token_hash, learner_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
                arguments: [hash, learnerID, now, expiresAt])
            return IssuedSession(token: token, learnerID: learnerID, expiresAt: Timestamp.date(expiresAt))
        }
    }

    /// The learner a live session token signs in, or nil.
    public func learner(sessionToken: String) async throws -> Learner? {
        let hash = Data(SessionToken.hash(sessionToken))
        return try await read { db, now in
            let columns = Self.learnerColumns.split(separator: ", ").map { "l.\($0)" }.joined(separator: ", ")
            return try db.row(
                "SELECT \(columns) FROM sessions s JOIN learners l ON l.id = s.learner_id WHERE s.token_hash = ? AND s.expires_at > ?",
                arguments: [hash, now]
            ).map(Self.learner(row:))
        }
    }

    /// Ends a session.
    public func deleteSession(token: String) async throws {
        let hash = Data(SessionToken.hash(token))
        try await write { db, _ in
            try db.execute(cached: "DELETE FROM sessions WHERE token_hash = ?", arguments: [hash])
        }
    }

    // MARK: Classes

    /// Creates a class.
    public func createClassroom(code: String, name: String) async throws -> Classroom {
        let name = try Admission.classroom(code: code, name: name)
        return try await write { db, now in
            guard try Self.classroom(db, code: code) == nil else { throw Admission.classCodeTaken(code) }
            return try Self.insertClassroom(db, Classroom(code: code, name: name, createdAt: Timestamp.date(now)))
        }
    }

    /// Every class, by code.
    public func classrooms() async throws -> [Classroom] {
        try await read { db, _ in
            try db.rows("SELECT code, name, created_at FROM classes ORDER BY code").map(Self.classroom(row:))
        }
    }

    /// The class with this code (case-insensitively), or nil.
    public func classroom(code: String) async throws -> Classroom? {
        try await read { db, _ in try Self.classroom(db, code: code) }
    }

    static func classroom(row: Row) throws -> Classroom {
        Classroom(code: try row.decode(atIndex: 0), name: try row.decode(atIndex: 1), createdAt: Timestamp.date(try row.decode(atIndex: 2)))
    }

    static func classroom(_ db: Database, code: String) throws -> Classroom? {
        try db.row("SELECT code, name, created_at FROM classes WHERE code = ?", arguments: [code]).map(classroom(row:))
    }

    /// The code as the class was created with it; throws when no class has it.
    static func canonicalClassCode(_ db: Database, _ code: String) throws -> String {
        guard let classroom = try classroom(db, code: code) else { throw Admission.unknownClass(code) }
        return classroom.code
    }

    static func insertClassroom(_ db: Database, _ classroom: Classroom) throws -> Classroom {
        do {
            try db.execute(
                cached: "INSERT INTO classes (code, name, created_at) VALUES (?, ?, ?)",
                arguments: [classroom.code, classroom.name, Timestamp.milliseconds(classroom.createdAt)])
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw Admission.classCodeTaken(classroom.code)
        }
        return classroom
    }

    // MARK: Recording

    /// Records a first open of an exercise; returns the first open's time.
    public func recordExerciseOpen(learnerID: Int64, lesson: String, exercise: String) async throws -> Date {
        try await write { db, now in
            try Self.requireLearner(db, learnerID)
            try db.execute(
                cached: "INSERT OR IGNORE INTO exercise_opens (learner_id, lesson_id, exercise_id, opened_at) VALUES (?, ?, ?, ?)",
                arguments: [learnerID, lesson, exercise, now])
            return Timestamp.date(try Self.openedAt(db, learnerID: learnerID, lesson: lesson, exercise: exercise) ?? now)
        }
    }

    static func openedAt(_ db: Database, learnerID: Int64, lesson: String, exercise: String) throws -> Int64? {
        try db.value(
            Int64.self, "SELECT opened_at FROM exercise_opens WHERE learner_id = ? AND lesson_id = ? AND exercise_id = ?",
            arguments: [learnerID, lesson, exercise])
    }

    /// Records an attempt; returns once its transaction committed.
    ///
    /// Attempts that arrive while another commit is under way are committed together (see ``AttemptQueue``).
    public func recordAttempt(_ submission: AttemptSubmission) async throws -> RecordedAttempt {
        let checks = try CheckResultsJSON.encode(submission.checks)
        return try await withCheckedThrowingContinuation { continuation in
            if attempts.add(AttemptQueue.Waiting(submission: submission, checksJSON: checks, continuation: continuation)) {
                Task { await drainAttempts() }
            }
        }
    }

    /// Commits the waiting attempts, a transaction at a time, until none is left; then answers each.
    private func drainAttempts() async {
        while case let batch = attempts.takeAll(), !batch.isEmpty {
            let clock = self.clock
            do {
                let results = try await write { db, _ in
                    batch.map { waiting -> Result<RecordedAttempt, ProgressStoreError> in
                        do {
                            var attempt: RecordedAttempt?
                            // A savepoint each: an attempt that fails leaves nothing behind and does not fail the others.
                            try db.inSavepoint {
                                attempt = try Self.insertAttempt(db, waiting.submission, checksJSON: waiting.checksJSON, now: Timestamp.milliseconds(clock()))
                                return .commit
                            }
                            return .success(attempt!)
                        } catch {
                            return .failure(Self.storeError(error, doing: "write to the progress database"))
                        }
                    }
                }
                for (waiting, result) in zip(batch, results) { waiting.continuation.resume(with: result) }
            } catch {
                // The transaction did not commit: no attempt of the group is answered as recorded.
                for waiting in batch { waiting.continuation.resume(throwing: error) }
            }
        }
    }

    /// Inserts one submitted attempt for a known learner, with the time its exercise was opened; the exercise's summary
    /// before it gives the attempt's number and whether the exercise had passed.
    static func insertAttempt(_ db: Database, _ submission: AttemptSubmission, checksJSON: String, now: Int64) throws -> RecordedAttempt {
        try requireLearner(db, submission.learnerID)
        let summary = try db.row(
            """
            SELECT opened_at, attempts, passed_at IS NOT NULL FROM exercise_summaries
            WHERE learner_id = ? AND lesson_id = ? AND exercise_id = ?
            """,
            arguments: [submission.learnerID, submission.lesson, submission.exercise])
        let openedAt: Int64? = try summary?.decode(atIndex: 0)
        let attemptsBefore: Int = try summary?.decode(atIndex: 1) ?? 0
        let passedBefore: Bool = try summary?.decode(atIndex: 2) ?? false
        let draft = Attempt(submission, id: 0, createdAt: now, openedAt: openedAt)
        let id = try insertAttempt(db, draft, checksJSON: checksJSON)
        return RecordedAttempt(
            attempt: Attempt(submission, id: id, createdAt: now, openedAt: openedAt), attemptsSoFar: attemptsBefore + 1,
            passedBefore: passedBefore)
    }

    static func insertAttempt(_ db: Database, _ attempt: Attempt, checksJSON: String) throws -> Int64 {
        try db.execute(
            cached: """
                INSERT INTO attempts (learner_id, lesson_id, exercise_id, yaml, passed, check_results, error_count, warning_count,
                                      first_error_message, seconds_since_open, created_at)
                VALUES (?, ?, ?, CAST(? AS TEXT), ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                // The YAML goes in as its UTF-8 bytes, made TEXT by SQLite: bound as text, it would be kept only up to
                // a NUL byte. (Read back as bytes too, for the same reason.)
                attempt.learnerID, attempt.lesson, attempt.exercise, Data(attempt.yaml.utf8), attempt.passed, checksJSON, attempt.errorCount,
                attempt.warningCount, attempt.firstErrorMessage, attempt.secondsSinceOpened, Timestamp.milliseconds(attempt.createdAt),
            ])
        let id = db.lastInsertedRowID
        try recordFailures(
            db, learnerID: attempt.learnerID, lesson: attempt.lesson, exercise: attempt.exercise, checks: attempt.checks,
            firstErrorMessage: attempt.firstErrorMessage)
        return id
    }

    /// Records a quiz answer.
    public func recordQuizAnswer(_ submission: QuizSubmission) async throws -> QuizAnswer {
        try await write { db, now in
            try Self.requireLearner(db, submission.learnerID)
            let draft = QuizAnswer(submission, id: 0, createdAt: now)
            return QuizAnswer(submission, id: try Self.insertQuizAnswer(db, draft), createdAt: now)
        }
    }

    static func insertQuizAnswer(_ db: Database, _ answer: QuizAnswer) throws -> Int64 {
        try db.execute(
            cached: "INSERT INTO quiz_answers (learner_id, lesson_id, quiz_id, chosen_index, correct, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [
                answer.learnerID, answer.lesson, answer.quiz, answer.chosenIndex, answer.correct, Timestamp.milliseconds(answer.createdAt),
            ])
        return db.lastInsertedRowID
    }

    /// Marks a lesson completed; returns when it first was.
    public func markLessonCompleted(learnerID: Int64, lesson: String) async throws -> Date {
        try await write { db, now in
            try Self.requireLearner(db, learnerID)
            try db.execute(
                cached: "INSERT OR IGNORE INTO completions (learner_id, lesson_id, completed_at) VALUES (?, ?, ?)",
                arguments: [learnerID, lesson, now])
            let completedAt = try db.value(
                Int64.self, "SELECT completed_at FROM completions WHERE learner_id = ? AND lesson_id = ?", arguments: [learnerID, lesson])
            return Timestamp.date(completedAt ?? now)
        }
    }

    // MARK: Reading

    /// Where a learner stands in every lesson they touched.
    public func progress(of learnerID: Int64) async throws -> LearnerProgress {
        try await read { db, _ in
            let learner = try Self.requireLearner(db, learnerID)
            var log = ActivityLog()
            log.opens = try db.rows(
                "SELECT lesson_id, exercise_id, opened_at FROM exercise_opens WHERE learner_id = ?", arguments: [learnerID]
            ).map { ActivityLog.Open(lesson: try $0.decode(atIndex: 0), exercise: try $0.decode(atIndex: 1), openedAt: try $0.decode(atIndex: 2)) }
            // From the summaries the triggers keep, not from every attempt: a learner's thousandth attempt costs what the first did.
            log.attempts = try db.rows(
                "SELECT lesson_id, exercise_id, passed_at IS NOT NULL, attempts FROM exercise_summaries WHERE learner_id = ? AND attempts > 0",
                arguments: [learnerID]
            ).map {
                ActivityLog.AttemptMark(
                    lesson: try $0.decode(atIndex: 0), exercise: try $0.decode(atIndex: 1), passed: try $0.decode(atIndex: 2),
                    count: try $0.decode(atIndex: 3))
            }
            log.quizAnswers = try Self.quizAnswers(db, of: learnerID)
            log.completions = try db.rows(
                "SELECT lesson_id, completed_at FROM completions WHERE learner_id = ?", arguments: [learnerID]
            ).map { ActivityLog.Completion(lesson: try $0.decode(atIndex: 0), completedAt: try $0.decode(atIndex: 1)) }
            return LearnerProgress(learner: learner, log: log)
        }
    }

    /// A learner's attempts and quiz answers in time order.
    public func timeline(of learnerID: Int64) async throws -> [TimelineEntry] {
        try await read { db, _ in
            try Self.requireLearner(db, learnerID)
            return TimelineEntry.chronological(attempts: try Self.attempts(db, of: learnerID), quizAnswers: try Self.quizAnswers(db, of: learnerID))
        }
    }

    /// A learner's attempts, oldest first.
    static func attempts(_ db: Database, of learnerID: Int64) throws -> [Attempt] {
        try db.rows(
            """
            SELECT id, learner_id, lesson_id, exercise_id, CAST(yaml AS BLOB), passed, check_results, error_count, warning_count,
                   first_error_message, seconds_since_open, created_at
            FROM attempts WHERE learner_id = ? ORDER BY created_at, id
            """,
            arguments: [learnerID]
        ).map { row in
            Attempt(
                id: try row.decode(atIndex: 0), learnerID: try row.decode(atIndex: 1), lesson: try row.decode(atIndex: 2),
                exercise: try row.decode(atIndex: 3), yaml: String(decoding: try row.decode(atIndex: 4) as Data, as: UTF8.self),
                passed: try row.decode(atIndex: 5),
                checks: try CheckResultsJSON.decode(try row.decode(atIndex: 6)), errorCount: try row.decode(atIndex: 7),
                warningCount: try row.decode(atIndex: 8), firstErrorMessage: try row.decode(atIndex: 9),
                secondsSinceOpened: try row.decode(atIndex: 10), createdAt: Timestamp.date(try row.decode(atIndex: 11)))
        }
    }

    /// A learner's quiz answers, oldest first.
    static func quizAnswers(_ db: Database, of learnerID: Int64) throws -> [QuizAnswer] {
        try db.rows(
            """
            SELECT id, learner_id, lesson_id, quiz_id, chosen_index, correct, created_at
            FROM quiz_answers WHERE learner_id = ? ORDER BY created_at, id
            """,
            arguments: [learnerID]
        ).map { row in
            QuizAnswer(
                id: try row.decode(atIndex: 0), learnerID: try row.decode(atIndex: 1), lesson: try row.decode(atIndex: 2),
                quiz: try row.decode(atIndex: 3), chosenIndex: try row.decode(atIndex: 4), correct: try row.decode(atIndex: 5),
                createdAt: Timestamp.date(try row.decode(atIndex: 6)))
        }
    }
}

/// The `check_results` column: the checks as JSON text, `[{"message", "name", "passed"}]`.
enum CheckResultsJSON {
    static func encode(_ checks: [CheckResult]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(checks), as: UTF8.self)
    }

    static func decode(_ text: String) throws -> [CheckResult] {
        do {
            return try JSONDecoder().decode([CheckResult].self, from: Data(text.utf8))
        } catch {
            throw ProgressStoreError.storageFailure.with("a stored attempt's check results are not valid JSON: \(error)")
        }
    }
}
