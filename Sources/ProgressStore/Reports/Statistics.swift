import Foundation

/// How one exercise went across the learners of a report.
public struct ExerciseStatistics: Sendable, Hashable {
    /// How many of each kind of failure a report keeps per exercise, most common first.
    public static let defaultFailureLimit = 5

    /// The lesson's id.
    public var lesson: String
    /// The exercise's id.
    public var exercise: String
    /// The learners in the report.
    public var learners: Int
    /// The learners who submitted at least once.
    public var tried: Int
    /// The learners who passed.
    public var passed: Int
    /// `passed / tried`, nil when nobody tried.
    public var passRate: Double?
    /// The median, over the learners who passed, of the attempts their first pass took.
    public var medianAttemptsToPass: Double?
    /// The median, over the learners who passed, of the seconds from opening to the first pass.
    public var medianSecondsToPass: Double?
    /// The checks that failed for the most learners, most first.
    public var failingChecks: [FailurePattern]
    /// The checker messages (grouped by ``MessagePattern``) the most learners met, most first.
    public var checkerMessages: [FailurePattern]

    init(lesson: String, exercise: String, learners: Int, tally: ExerciseTally, failures: [FailurePattern], failureLimit: Int) {
        self.lesson = lesson
        self.exercise = exercise
        self.learners = learners
        tried = tally.tried
        passed = tally.passed
        passRate = tried == 0 ? nil : Double(passed) / Double(tried)
        medianAttemptsToPass = Statistics.median(tally.attemptsToPass)
        medianSecondsToPass = Statistics.median(tally.secondsToPass)
        let ranked = failures.sorted(by: Statistics.isMoreCommon)
        failingChecks = Array(ranked.filter { $0.kind == .check }.prefix(failureLimit))
        checkerMessages = Array(ranked.filter { $0.kind == .message }.prefix(failureLimit))
    }
}

/// What the statistics of one exercise need from each learner's summary, gathered as the report reads them.
struct ExerciseTally {
    var tried = 0
    var passed = 0
    var attemptsToPass: [Double] = []
    var secondsToPass: [Double] = []

    mutating func add(_ summary: ExerciseSummary) {
        if summary.attempts > 0 { tried += 1 }
        guard summary.passedAt != nil else { return }
        passed += 1
        if let attempts = summary.attemptsToPass { attemptsToPass.append(Double(attempts)) }
        if let seconds = summary.secondsToPass { secondsToPass.append(seconds) }
    }
}

/// The arithmetic of reports, kept in one place.
enum Statistics {
    /// The middle value, or the mean of the two middle values; nil for no values.
    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
    }

    /// More learners first, then more attempts, then the pattern in binary order: a stable ranking.
    static func isMoreCommon(_ lhs: FailurePattern, _ rhs: FailurePattern) -> Bool {
        if lhs.learners != rhs.learners { return lhs.learners > rhs.learners }
        if lhs.attempts != rhs.attempts { return lhs.attempts > rhs.attempts }
        return precedesInBinaryOrder(lhs.pattern, rhs.pattern)
    }
}
