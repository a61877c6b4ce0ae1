import Foundation

/// One learner's line in an instructor's report: a summary per exercise and the lessons completed.
public struct LearnerReport: Sendable, Hashable {
    /// The learner.
    public var learner: Learner
    /// One summary per exercise the learner opened or attempted, ordered by lesson id then exercise id.
    public var exercises: [ExerciseSummary]
    /// The ids of the lessons the learner marked completed, in order.
    public var completedLessons: [String]
    /// When the learner last did anything: opened an exercise, submitted, answered a quiz or completed a lesson.
    public var lastActivityAt: Date?

    /// Creates a report line.
    public init(learner: Learner, exercises: [ExerciseSummary], completedLessons: [String], lastActivityAt: Date? = nil) {
        self.learner = learner
        self.exercises = exercises
        self.completedLessons = completedLessons
        self.lastActivityAt = lastActivityAt
    }
}

/// How one learner fared on one exercise.
public struct ExerciseSummary: Sendable, Hashable {
    /// The lesson's id.
    public var lesson: String
    /// The exercise's id.
    public var exercise: String
    /// When the learner first opened the exercise, if recorded.
    public var openedAt: Date?
    /// How many attempts were recorded.
    public var attempts: Int
    /// When the first attempt was recorded.
    public var firstAttemptAt: Date?
    /// When the first passing attempt was recorded.
    public var passedAt: Date?
    /// Seconds from first opening the exercise (or from the first attempt, when that came earlier or no open
    /// was recorded) to the first pass.
    public var secondsToPass: Double?
    /// The first error message of the latest attempt that had one.
    public var lastErrorMessage: String?
    /// How many attempts the first pass took: those recorded before it, plus the pass; nil until a pass.
    public var attemptsToPass: Int?

    /// Creates an exercise summary.
    public init(
        lesson: String, exercise: String, openedAt: Date?, attempts: Int, firstAttemptAt: Date?, passedAt: Date?,
        secondsToPass: Double?, lastErrorMessage: String?, attemptsToPass: Int? = nil
    ) {
        self.lesson = lesson
        self.exercise = exercise
        self.openedAt = openedAt
        self.attempts = attempts
        self.firstAttemptAt = firstAttemptAt
        self.passedAt = passedAt
        self.secondsToPass = secondsToPass
        self.lastErrorMessage = lastErrorMessage
        self.attemptsToPass = attemptsToPass
    }

    /// A summary from the store's raw numbers (milliseconds); the one place "seconds to pass" is defined.
    init(
        lesson: String, exercise: String, openedAt: Int64?, attempts: Int, firstAttemptAt: Int64?, passedAt: Int64?,
        lastErrorMessage: String?, attemptsToPass: Int?
    ) {
        // An attempt means the exercise was open, so the clock starts at whichever came first: an open
        // recorded late (on another machine, say) must not make the time negative.
        let start =
            switch (openedAt, firstAttemptAt) {
            case let (opened?, attempted?): min(opened, attempted)
            case let (opened, attempted): opened ?? attempted
            }
        self.init(
            lesson: lesson, exercise: exercise, openedAt: openedAt.map(Timestamp.date), attempts: attempts,
            firstAttemptAt: firstAttemptAt.map(Timestamp.date), passedAt: passedAt.map(Timestamp.date),
            secondsToPass: passedAt.flatMap { end in start.map { Timestamp.seconds(from: $0, to: end) } },
            lastErrorMessage: lastErrorMessage, attemptsToPass: attemptsToPass)
    }

    /// Orders summaries by lesson id, then exercise id, as SQLite's `BINARY` collation would.
    static func precedes(_ lhs: ExerciseSummary, _ rhs: ExerciseSummary) -> Bool {
        lhs.lesson == rhs.lesson ? precedesInBinaryOrder(lhs.exercise, rhs.exercise) : precedesInBinaryOrder(lhs.lesson, rhs.lesson)
    }
}
