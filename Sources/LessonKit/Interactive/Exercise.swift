/// An exercise: the learner writes YAML, the simulated cluster applies it after `given`, and the checks grade it.
public struct Exercise: Sendable, Hashable, Identifiable {
    /// Unique within its lesson; used in URLs.
    public let id: String
    /// What to do, in Markdown-free plain text (paragraphs separated by blank lines).
    public let prompt: String
    /// The YAML the learner starts from (it must fail at least one check).
    public let starter: String
    /// Manifests already in the cluster before the learner's YAML is applied.
    public let given: String
    /// The checks, in order.
    public let checks: [ExerciseCheck]
    /// Hints, revealed one at a time.
    public let hints: [String]
    /// A YAML that passes every check, shown once the learner passed.
    public let solution: String
    /// Sample wrong answers, each with the check it must fail.
    public let wrong: [WrongAnswer]
    /// The line of the block's opening fence in the lesson file.
    public let line: Int
}

/// One check of an exercise.
public struct ExerciseCheck: Sendable, Hashable {
    /// What a request is expected to do.
    public enum Expectation: String, Sendable, Hashable {
        case delivered, dropped
    }

    /// The check vocabulary.
    public enum Kind: Sendable, Hashable {
        /// The learner's YAML has no errors.
        case valid
        /// The learner's YAML draws no warnings (the API's or the cluster's).
        case noWarnings
        /// An object exists after applying.
        case exists(kind: String, name: String, namespace: String)
        /// A field of an object has a value (compared as text).
        case field(kind: String, name: String, namespace: String, path: String, equals: String)
        /// A Service has at least this many endpoints.
        case endpoints(service: String, namespace: String, atLeast: Int)
        /// A request is delivered, or dropped for a reason, optionally through given hop kinds (and never through ``ExerciseCheck/avoid``).
        case reach(from: String, to: String, expect: Expectation, reason: String?, hops: [String], resolve: [String: String])
    }

    /// The check's name (given, or made from its kind), used by `wrong` answers and shown to learners.
    public let name: String
    /// What it checks.
    public let kind: Kind
    /// Its line in the lesson file.
    public let line: Int
    /// For `reach` checks: hop kinds the request must not pass (`avoid: [vxlan]`).
    public var avoid: [String] = []

    /// Creates a check.
    public init(name: String, kind: Kind, line: Int, avoid: [String] = []) {
        self.name = name
        self.kind = kind
        self.line = line
        self.avoid = avoid
    }
}

/// A wrong answer the verifier proves is caught by a named check.
public struct WrongAnswer: Sendable, Hashable {
    /// The wrong YAML.
    public let yaml: String
    /// The name of the check it must fail.
    public let fails: String
    /// Its line in the lesson file.
    public let line: Int
}

/// A multiple-choice question.
public struct Quiz: Sendable, Hashable, Identifiable {
    /// Unique within its lesson.
    public let id: String
    public let question: String
    public let choices: [QuizChoice]
    /// The index (0-based) of the right choice.
    public let answer: Int
    /// Why the answer is right.
    public let explanation: String
    /// The line of the block's opening fence.
    public let line: Int
}

/// One choice of a quiz, with why it is right or wrong.
public struct QuizChoice: Sendable, Hashable {
    public let text: String
    /// Why this choice is right or wrong (shown after answering).
    public let why: String?
}
