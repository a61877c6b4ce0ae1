import Foundation

/// The outcome of one of an exercise's checks, as the grader reported it.
public struct CheckResult: Sendable, Hashable, Codable {
    /// The check's name.
    public var name: String
    /// Whether the check passed.
    public var passed: Bool
    /// What the grader said about it.
    public var message: String

    /// Creates a check result.
    public init(name: String, passed: Bool, message: String) {
        self.name = name
        self.passed = passed
        self.message = message
    }
}

/// A graded submission to record: what the learner sent and what the grader said.
public struct AttemptSubmission: Sendable, Hashable {
    /// The learner who submitted.
    public var learnerID: Int64
    /// The lesson's id.
    public var lesson: String
    /// The exercise's id within the lesson.
    public var exercise: String
    /// The YAML as submitted.
    public var yaml: String
    /// Whether every check passed.
    public var passed: Bool
    /// Each check's outcome, in the exercise's order.
    public var checks: [CheckResult]
    /// Number of error diagnostics.
    public var errorCount: Int
    /// Number of warning diagnostics.
    public var warningCount: Int
    /// The first error's message, if there was an error.
    public var firstErrorMessage: String?

    /// Creates a submission.
    public init(
        learnerID: Int64, lesson: String, exercise: String, yaml: String, passed: Bool,
        checks: [CheckResult] = [], errorCount: Int = 0, warningCount: Int = 0, firstErrorMessage: String? = nil
    ) {
        self.learnerID = learnerID
        self.lesson = lesson
        self.exercise = exercise
        self.yaml = yaml
        self.passed = passed
        self.checks = checks
        self.errorCount = errorCount
        self.warningCount = warningCount
        self.firstErrorMessage = firstErrorMessage
    }
}

/// A recorded attempt: the submission with the store's id and time.
public struct Attempt: Sendable, Hashable, Identifiable {
    /// The store's number for the attempt.
    public var id: Int64
    /// The learner who submitted.
    public var learnerID: Int64
    /// The lesson's id.
    public var lesson: String
    /// The exercise's id within the lesson.
    public var exercise: String
    /// The YAML as submitted.
    public var yaml: String
    /// Whether every check passed.
    public var passed: Bool
    /// Each check's outcome.
    public var checks: [CheckResult]
    /// Number of error diagnostics.
    public var errorCount: Int
    /// Number of warning diagnostics.
    public var warningCount: Int
    /// The first error's message, if there was an error.
    public var firstErrorMessage: String?
    /// Seconds from the learner first opening the exercise to this attempt; nil when no open was recorded.
    public var secondsSinceOpened: Double?
    /// When the attempt was recorded.
    public var createdAt: Date

    /// Creates an attempt value.
    public init(
        id: Int64, learnerID: Int64, lesson: String, exercise: String, yaml: String, passed: Bool, checks: [CheckResult],
        errorCount: Int, warningCount: Int, firstErrorMessage: String?, secondsSinceOpened: Double?, createdAt: Date
    ) {
        self.id = id
        self.learnerID = learnerID
        self.lesson = lesson
        self.exercise = exercise
        self.yaml = yaml
        self.passed = passed
        self.checks = checks
        self.errorCount = errorCount
        self.warningCount = warningCount
        self.firstErrorMessage = firstErrorMessage
        self.secondsSinceOpened = secondsSinceOpened
        self.createdAt = createdAt
    }

    /// The attempt that `submission` becomes when stored with `id` at `createdAt`, the exercise first opened at `openedAt`.
    init(_ submission: AttemptSubmission, id: Int64, createdAt: Int64, openedAt: Int64?) {
        self.init(
            id: id, learnerID: submission.learnerID, lesson: submission.lesson, exercise: submission.exercise,
            yaml: submission.yaml, passed: submission.passed, checks: submission.checks,
            errorCount: submission.errorCount, warningCount: submission.warningCount,
            firstErrorMessage: submission.firstErrorMessage,
            secondsSinceOpened: openedAt.map { Timestamp.seconds(from: $0, to: createdAt) },
            createdAt: Timestamp.date(createdAt))
    }
}

/// An attempt just recorded, with where its exercise stood: what a page needs to answer the learner without reading
/// their whole progress again.
public struct RecordedAttempt: Sendable, Hashable {
    /// The stored attempt.
    public var attempt: Attempt
    /// The learner's attempts at the exercise, this one included.
    public var attemptsSoFar: Int
    /// Whether an earlier attempt at the exercise had passed.
    public var passedBefore: Bool

    /// Creates a recorded-attempt value.
    public init(attempt: Attempt, attemptsSoFar: Int, passedBefore: Bool) {
        self.attempt = attempt
        self.attemptsSoFar = attemptsSoFar
        self.passedBefore = passedBefore
    }

    /// Whether any attempt at the exercise has passed, this one included.
    public var everPassed: Bool { passedBefore || attempt.passed }
    /// Whether this attempt is the first to pass the exercise (the moment a lesson may become complete).
    public var isFirstPass: Bool { attempt.passed && !passedBefore }
}

/// A quiz answer to record.
public struct QuizSubmission: Sendable, Hashable {
    /// The learner who answered.
    public var learnerID: Int64
    /// The lesson's id.
    public var lesson: String
    /// The quiz's id within the lesson.
    public var quiz: String
    /// The index of the option chosen, from 0.
    public var chosenIndex: Int
    /// Whether the chosen option is the right one.
    public var correct: Bool

    /// Creates a quiz submission.
    public init(learnerID: Int64, lesson: String, quiz: String, chosenIndex: Int, correct: Bool) {
        self.learnerID = learnerID
        self.lesson = lesson
        self.quiz = quiz
        self.chosenIndex = chosenIndex
        self.correct = correct
    }
}

/// A recorded quiz answer.
public struct QuizAnswer: Sendable, Hashable, Identifiable {
    /// The store's number for the answer.
    public var id: Int64
    /// The learner who answered.
    public var learnerID: Int64
    /// The lesson's id.
    public var lesson: String
    /// The quiz's id within the lesson.
    public var quiz: String
    /// The index of the option chosen, from 0.
    public var chosenIndex: Int
    /// Whether the chosen option is the right one.
    public var correct: Bool
    /// When the answer was recorded.
    public var createdAt: Date

    /// Creates a quiz answer value.
    public init(id: Int64, learnerID: Int64, lesson: String, quiz: String, chosenIndex: Int, correct: Bool, createdAt: Date) {
        self.id = id
        self.learnerID = learnerID
        self.lesson = lesson
        self.quiz = quiz
        self.chosenIndex = chosenIndex
        self.correct = correct
        self.createdAt = createdAt
    }

    /// The answer that `submission` becomes when stored with `id` at `createdAt`.
    init(_ submission: QuizSubmission, id: Int64, createdAt: Int64) {
        self.init(
            id: id, learnerID: submission.learnerID, lesson: submission.lesson, quiz: submission.quiz,
            chosenIndex: submission.chosenIndex, correct: submission.correct, createdAt: Timestamp.date(createdAt))
    }
}
