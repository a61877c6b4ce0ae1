import Foundation

/// Where learner progress is kept: learners, sessions, classes, exercise opens, attempts, quiz answers,
/// completions, and the reports built from them.
///
/// ``SQLiteProgressStore`` keeps it in one SQLite file; ``InMemoryProgressStore`` keeps it in memory
/// for tests and for trying the server without a file. Both behave identically (one test suite runs
/// against both), and a server-grade database can implement the same protocol.
///
/// Every method that records something returns only once the record is durable: for SQLite, after
/// its write transaction committed. Every thrown error is a ``ProgressStoreError``.
public protocol ProgressStore: Sendable {
    // MARK: Learners

    /// Creates a learner, optionally in the class with code `classCode`.
    ///
    /// An empty display name is replaced by the handle. Throws ``ProgressStoreError/invalidHandle``,
    /// ``ProgressStoreError/handleTaken``, ``ProgressStoreError/invalidName`` or ``ProgressStoreError/unknownClass``.
    func createLearner(handle: String, displayName: String, classCode: String?) async throws -> Learner

    /// The learner with this handle (compared case-insensitively), or nil.
    func learner(handle: String) async throws -> Learner?

    /// The learner with this id, or nil.
    func learner(id: Int64) async throws -> Learner?

    // MARK: Sessions

    /// Starts a session for the learner, valid for `lifetime` seconds; the store keeps only the token's hash.
    func createSession(for learnerID: Int64, lifetime: TimeInterval) async throws -> IssuedSession

    /// The learner a session token signs in, or nil when the token is unknown, deleted or expired.
    func learner(sessionToken: String) async throws -> Learner?

    /// Ends the session with this token; an unknown token is not an error.
    func deleteSession(token: String) async throws

    // MARK: Classes

    /// Creates a class. Throws ``ProgressStoreError/invalidClassCode``, ``ProgressStoreError/classCodeTaken``
    /// or ``ProgressStoreError/invalidName``.
    func createClassroom(code: String, name: String) async throws -> Classroom

    /// Every class, by code.
    func classrooms() async throws -> [Classroom]

    /// The class with this code (compared case-insensitively), or nil.
    func classroom(code: String) async throws -> Classroom?

    // MARK: Recording

    /// Records that the learner opened an exercise and returns when they first opened it
    /// (an earlier open stands; later ones change nothing).
    func recordExerciseOpen(learnerID: Int64, lesson: String, exercise: String) async throws -> Date

    /// Records a graded attempt and returns it with its id, time and the seconds since the exercise was first opened,
    /// and how many attempts at the exercise there are now and whether one had passed before.
    /// Returns only after the attempt is committed.
    func recordAttempt(_ submission: AttemptSubmission) async throws -> RecordedAttempt

    /// Records a quiz answer and returns it with its id and time.
    func recordQuizAnswer(_ submission: QuizSubmission) async throws -> QuizAnswer

    /// Marks a lesson completed and returns when it was first marked so (marking again changes nothing).
    func markLessonCompleted(learnerID: Int64, lesson: String) async throws -> Date

    // MARK: Reading

    /// Where a learner stands in every lesson they touched.
    func progress(of learnerID: Int64) async throws -> LearnerProgress

    /// A learner's attempts (with their YAML) and quiz answers in time order.
    func timeline(of learnerID: Int64) async throws -> [TimelineEntry]

    /// The instructor's report: every learner (of the class with code `classCode`, when given), by handle,
    /// each with a summary per exercise. Throws ``ProgressStoreError/unknownClass`` for an unknown code.
    func report(classCode: String?) async throws -> [LearnerReport]

    /// How the learners (of the class with code `classCode`, when given) failed each exercise: every failing check
    /// and checker-message pattern with the number of learners who met it, ordered by lesson id, exercise id, kind and
    /// pattern. Throws ``ProgressStoreError/unknownClass`` for an unknown code.
    func failurePatterns(classCode: String?) async throws -> [FailurePattern]

    // MARK: Moving progress between stores

    /// Everything recorded about the learner with this handle, or about every learner when `handle` is nil,
    /// with the classes they belong to. Sessions are never exported.
    func exportProgress(handle: String?) async throws -> ProgressExport

    /// Merges an export into this store, by learner handle. Importing the same export twice changes nothing
    /// the second time: records already present are skipped, earlier opens and completions win.
    func importProgress(_ export: ProgressExport) async throws -> ImportSummary
}

extension ProgressStore {
    /// Creates a learner who is in no class.
    public func createLearner(handle: String, displayName: String) async throws -> Learner {
        try await createLearner(handle: handle, displayName: displayName, classCode: nil)
    }

    /// Starts a session that lasts ``IssuedSession/defaultLifetime``.
    public func createSession(for learnerID: Int64) async throws -> IssuedSession {
        try await createSession(for: learnerID, lifetime: IssuedSession.defaultLifetime)
    }

    /// The report over every learner.
    public func report() async throws -> [LearnerReport] {
        try await report(classCode: nil)
    }

    /// Everything recorded about every learner.
    public func exportProgress() async throws -> ProgressExport {
        try await exportProgress(handle: nil)
    }
}
