/// A reason a file could not be read as YAML at all: a syntax error, a duplicate key, bad bytes, or a limit.
///
/// `message` is what kubectl prints after `error: ` (for YAML errors, kubectl's own
/// `error parsing FILE: error converting YAML to JSON: yaml: ...` text); `explanation`
/// says in plain English what to change.
public struct ReadProblem: Error, Sendable, Equatable {
    /// What kind of problem this is; lets tests and callers tell limits from syntax errors.
    public enum Reason: String, Sendable, Equatable {
        case syntax
        case duplicateKey
        case encoding
        case unsupportedTag
        case fileTooLarge
        case tooManyDocuments
        case tooDeep
        case tooManyNodes
        case keyTooLong
        case notAnObject
    }

    /// What kind of problem this is.
    public var reason: Reason
    /// Where it is in the file.
    public var position: SourcePosition
    /// kubectl's text for it (without the leading `error: `).
    public var message: String
    /// What to change, in plain English.
    public var explanation: String

    /// Creates a problem.
    public init(_ reason: Reason, at position: SourcePosition, message: String, explanation: String) {
        self.reason = reason
        self.position = position
        self.message = message
        self.explanation = explanation
    }
}
