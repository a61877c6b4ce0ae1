import Foundation

/// What importing one exported learner changes in a store that already holds `existing` for that handle.
///
/// Both stores apply the same plan, so they merge alike. Records are compared whole (ids aside) and as
/// multisets: two identical attempts in an export are both kept, and importing again adds neither.
struct LearnerMerge {
    /// Opens to write: new ones, and ones earlier than the stored first open (which they replace).
    var opens: [ExportedExerciseOpen] = []
    /// Attempts not yet stored.
    var attempts: [ExportedAttempt] = []
    /// Quiz answers not yet stored.
    var quizAnswers: [ExportedQuizAnswer] = []
    /// Completions to write: new ones, and ones earlier than the stored one (which they replace).
    var completions: [ExportedCompletion] = []

    init(incoming: ExportedLearner, existing: ExportedLearner?) {
        let storedOpens = Dictionary(
            (existing?.exerciseOpens ?? []).map { (OpenKey(lesson: $0.lesson, exercise: $0.exercise), $0.openedAt) },
            uniquingKeysWith: min)
        var earliestOpens: [OpenKey: ExportedExerciseOpen] = [:]
        for open in incoming.exerciseOpens.map(normalised) {
            let key = OpenKey(lesson: open.lesson, exercise: open.exercise)
            if let earlier = earliestOpens[key], earlier.openedAt <= open.openedAt { continue }
            earliestOpens[key] = open
        }
        opens = earliestOpens.values
            .filter { open in storedOpens[OpenKey(lesson: open.lesson, exercise: open.exercise)].map { open.openedAt < $0 } ?? true }
            .sorted { ($0.openedAt, $0.lesson, $0.exercise) < ($1.openedAt, $1.lesson, $1.exercise) }

        attempts = Self.missing(incoming.attempts.map(normalised), from: existing?.attempts ?? [])
        quizAnswers = Self.missing(incoming.quizAnswers.map(normalised), from: existing?.quizAnswers ?? [])

        let storedCompletions = Dictionary(
            (existing?.completions ?? []).map { ($0.lesson, $0.completedAt) }, uniquingKeysWith: min)
        var earliestCompletions: [String: ExportedCompletion] = [:]
        for completion in incoming.completions.map(normalised) {
            if let earlier = earliestCompletions[completion.lesson], earlier.completedAt <= completion.completedAt { continue }
            earliestCompletions[completion.lesson] = completion
        }
        completions = earliestCompletions.values
            .filter { completion in storedCompletions[completion.lesson].map { completion.completedAt < $0 } ?? true }
            .sorted { ($0.completedAt, $0.lesson) < ($1.completedAt, $1.lesson) }
    }

    private struct OpenKey: Hashable {
        var lesson: String
        var exercise: String
    }

    /// The records of `incoming` that `stored` does not already hold, counting repeats.
    static func missing<Record: Hashable>(_ incoming: [Record], from stored: [Record]) -> [Record] {
        var remaining = Dictionary(stored.map { ($0, 1) }, uniquingKeysWith: +)
        return incoming.filter { record in
            guard let count = remaining[record], count > 0 else { return true }
            remaining[record] = count - 1
            return false
        }
    }
}

// Imported times are cut to the milliseconds the stores keep, so a record read back compares equal to the one imported.
private func normalised(_ open: ExportedExerciseOpen) -> ExportedExerciseOpen {
    var open = open
    open.openedAt = Timestamp.normalised(open.openedAt)
    return open
}

private func normalised(_ attempt: ExportedAttempt) -> ExportedAttempt {
    var attempt = attempt
    attempt.createdAt = Timestamp.normalised(attempt.createdAt)
    return attempt
}

private func normalised(_ answer: ExportedQuizAnswer) -> ExportedQuizAnswer {
    var answer = answer
    answer.createdAt = Timestamp.normalised(answer.createdAt)
    return answer
}

private func normalised(_ completion: ExportedCompletion) -> ExportedCompletion {
    var completion = completion
    completion.completedAt = Timestamp.normalised(completion.completedAt)
    return completion
}

/// Dates in export documents: ISO 8601, UTC, with milliseconds.
enum ExportDate {
    private static let withMilliseconds = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
    private static let wholeSeconds = Date.ISO8601FormatStyle()

    /// `date` as `2026-03-01T09:30:00.250Z`.
    static func string(from date: Date) -> String {
        // Written from the whole milliseconds, not by the formatter, which truncates .168 stored as .16799… to .167.
        let milliseconds = Timestamp.milliseconds(date)
        let (seconds, remainder) = milliseconds.quotientAndRemainder(dividingBy: 1000)
        let (wholeSeconds, fraction) = remainder < 0 ? (seconds - 1, remainder + 1000) : (seconds, remainder)
        let base = Self.wholeSeconds.format(Date(timeIntervalSince1970: Double(wholeSeconds)))
        let digits = String(fraction)
        return String(base.dropLast()) + "." + String(repeating: "0", count: 3 - digits.count) + digits + "Z"
    }

    /// The date `text` names, with or without fractional seconds, cut to milliseconds; nil when it is not ISO 8601.
    static func date(from text: String) -> Date? {
        guard let date = (try? withMilliseconds.parse(text)) ?? (try? wholeSeconds.parse(text)) else { return nil }
        return Timestamp.normalised(date)
    }
}
