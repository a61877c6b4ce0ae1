/// One graded submission of an exercise.
public struct Attempt: Sendable, Equatable {
    /// The learner's handle.
    public var learner: String
    /// The lesson's id.
    public var lesson: String
    /// The exercise's id within the lesson.
    public var exercise: String
    /// The YAML as submitted.
    public var yaml: String
    /// Whether every check passed.
    public var passed: Bool
    /// Number of error diagnostics the checker gave.
    public var errors: Int
    /// Number of warnings the checker gave.
    public var warnings: Int

    /// Creates an attempt.
    public init(learner: String, lesson: String, exercise: String, yaml: String, passed: Bool, errors: Int, warnings: Int) {
        self.learner = learner
        self.lesson = lesson
        self.exercise = exercise
        self.yaml = yaml
        self.passed = passed
        self.errors = errors
        self.warnings = warnings
    }
}

/// Where learner progress is kept. An attempt counts as recorded only once `record` returns.
///
/// The SQLite store (GRDB) and a server-grade database implement this same protocol; route
/// tests use ``InMemoryProgressStore``.
public protocol ProgressStore: Sendable {
    /// Records an attempt; returns its sequence number once it is durable.
    func record(_ attempt: Attempt) async throws -> Int
    /// The attempts of one learner, oldest first.
    func attempts(of learner: String) async throws -> [Attempt]
}

/// A ``ProgressStore`` held in memory, for tests and for trying the server without a database file.
public actor InMemoryProgressStore: ProgressStore {
    private var stored: [Attempt] = []

    /// Creates an empty store.
    public init() {}

    public func record(_ attempt: Attempt) async throws -> Int {
        stored.append(attempt)
        return stored.count
    }

    public func attempts(of learner: String) async throws -> [Attempt] {
        stored.filter { $0.learner == learner }
    }
}
