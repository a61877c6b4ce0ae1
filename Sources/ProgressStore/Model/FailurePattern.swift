import Foundation

/// One way learners failed an exercise, with how many learners failed that way: a failing check
/// ("node port is 30080: 7 learners") or a checker message with its value cut out
/// ("spec.ports[0].nodePort: Invalid value: …: provided port is not in the valid range…: 5 learners").
public struct FailurePattern: Sendable, Hashable, Codable {
    /// What a pattern groups.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A check of the exercise that failed; the pattern is the check's name.
        case check
        /// The first error the checker reported; the pattern is the message with its value cut out (see ``MessagePattern``).
        case message
    }

    /// The lesson's id.
    public var lesson: String
    /// The exercise's id.
    public var exercise: String
    /// Whether this groups failing checks or checker messages.
    public var kind: Kind
    /// The check's name, or the message's pattern.
    public var pattern: String
    /// How many learners failed this way at least once.
    public var learners: Int
    /// How many attempts failed this way, over those learners.
    public var attempts: Int
    /// One message learners saw: the smallest in binary order, so every store shows the same one.
    public var example: String

    /// Creates a failure pattern.
    public init(lesson: String, exercise: String, kind: Kind, pattern: String, learners: Int, attempts: Int, example: String) {
        self.lesson = lesson
        self.exercise = exercise
        self.kind = kind
        self.pattern = pattern
        self.learners = learners
        self.attempts = attempts
        self.example = example
    }

    /// The store's order: lesson id, exercise id, kind, pattern, each in binary order.
    static func precedes(_ lhs: FailurePattern, _ rhs: FailurePattern) -> Bool {
        if lhs.lesson != rhs.lesson { return precedesInBinaryOrder(lhs.lesson, rhs.lesson) }
        if lhs.exercise != rhs.exercise { return precedesInBinaryOrder(lhs.exercise, rhs.exercise) }
        if lhs.kind != rhs.kind { return precedesInBinaryOrder(lhs.kind.rawValue, rhs.kind.rawValue) }
        return precedesInBinaryOrder(lhs.pattern, rhs.pattern)
    }
}

/// The failures one attempt shows, one per pattern: the one place that decides what an attempt counts towards.
struct FailureMark: Hashable {
    var kind: FailurePattern.Kind
    var pattern: String
    var message: String

    /// Each failing check (by name) and the first checker error (by ``MessagePattern``); a pattern seen twice in one
    /// attempt counts once, with its smaller message.
    static func marks(checks: [CheckResult], firstErrorMessage: String?) -> [FailureMark] {
        var marks: [FailureMark] = []
        func add(_ kind: FailurePattern.Kind, _ pattern: String, _ message: String) {
            if let index = marks.firstIndex(where: { $0.kind == kind && $0.pattern == pattern }) {
                if precedesInBinaryOrder(message, marks[index].message) { marks[index].message = message }
            } else {
                marks.append(FailureMark(kind: kind, pattern: pattern, message: message))
            }
        }
        for check in checks where !check.passed {
            add(.check, check.name, check.message)
        }
        if let message = firstErrorMessage {
            add(.message, MessagePattern.of(message), message)
        }
        return marks
    }
}

/// Groups checker messages that differ only in the value the learner wrote.
///
/// The API server's field errors read `PATH: TYPE: VALUE: DETAIL` (`spec.ports[0].nodePort: Invalid value: 40000:
/// provided port is not in the valid range. The range of valid ports is 30000-32767`); the pattern replaces VALUE with
/// `…`, so learners who wrote 40000 and 8080 count together. Any other message is its own pattern.
public enum MessagePattern {
    /// The field-error types whose message carries the offending value.
    static let valueMarkers = [": Invalid value: ", ": Unsupported value: ", ": Duplicate value: ", ": Not found: "]

    /// `message` with the offending value replaced by `…`.
    public static func of(_ message: String) -> String {
        for marker in valueMarkers {
            guard let range = message.range(of: marker) else { continue }
            let value = message[range.upperBound...]
            let valueEnd: String.Index
            if value.first == "\"" {
                // A Go-quoted string may itself hold ": "; skip to its closing quote.
                var index = value.index(after: value.startIndex)
                var escaped = false
                while index < value.endIndex {
                    let character = value[index]
                    if escaped {
                        escaped = false
                    } else if character == "\\" {
                        escaped = true
                    } else if character == "\"" {
                        break
                    }
                    index = value.index(after: index)
                }
                valueEnd = index < value.endIndex ? value.index(after: index) : index
            } else {
                valueEnd = value.range(of: ": ")?.lowerBound ?? value.endIndex
            }
            return String(message[..<range.upperBound]) + "…" + String(message[valueEnd...])
        }
        return message
    }
}
