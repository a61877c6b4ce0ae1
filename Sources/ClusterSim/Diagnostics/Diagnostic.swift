/// One finding about a manifest: the API server's words, where it is, and what to do about it.
///
/// Encoded to JSON in the field order of the `kubetutor check --format json` contract.
public struct Diagnostic: Sendable, Equatable {
    /// Whether the finding stops the object from being applied.
    public enum Severity: String, Sendable, Equatable {
        case error
        case warning
    }

    /// Whether the finding stops the object from being applied.
    public var severity: Severity
    /// The file, as named on the command line (`-` for standard input).
    public var file: String
    /// 1-based line in the file of the offending key or value.
    public var line: Int
    /// 1-based column in the file.
    public var column: Int
    /// The object's kind, empty when the problem is not inside one object.
    public var kind: String
    /// The object's name, possibly empty.
    public var name: String
    /// The API path (`spec.ports[0].nodePort`), empty for whole-document problems.
    public var field: String
    /// The real API server's (or kubectl's) text, byte for byte.
    public var message: String
    /// What to change, in plain English.
    public var explanation: String
    /// What kubectl prints before `message` (`The Service "web" is invalid: `, `error: `, `Warning: `); for text output.
    public var kubectlPrefix: String

    /// Creates a diagnostic.
    public init(
        severity: Severity, file: String, line: Int, column: Int, kind: String, name: String, field: String,
        message: String, explanation: String, kubectlPrefix: String
    ) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.kind = kind
        self.name = name
        self.field = field
        self.message = message
        self.explanation = explanation
        self.kubectlPrefix = kubectlPrefix
    }

    /// The line kubectl would print for this finding.
    public var kubectlText: String { kubectlPrefix + message }
}

/// An object found in the checked files.
public struct CheckedObject: Sendable, Equatable {
    /// The `apiVersion` as written.
    public var apiVersion: String
    /// The kind.
    public var kind: String
    /// `metadata.name`.
    public var name: String
    /// `metadata.namespace`, or `default` for namespaced kinds without one, empty for cluster-scoped kinds.
    public var namespace: String
    /// The file it came from.
    public var file: String
    /// The line its document starts on.
    public var line: Int
    /// 0-based index of its YAML document in the file.
    public var documentIndex: Int
    /// The object itself, for the cluster to apply (nil when it could not be decoded).
    public var root: YAMLNode?

    public static func == (lhs: CheckedObject, rhs: CheckedObject) -> Bool {
        lhs.apiVersion == rhs.apiVersion && lhs.kind == rhs.kind && lhs.name == rhs.name
            && lhs.namespace == rhs.namespace && lhs.file == rhs.file && lhs.line == rhs.line
            && lhs.documentIndex == rhs.documentIndex
    }
}

/// What `check` found in a set of files.
public struct CheckReport: Sendable, Equatable {
    /// Every object read, in file order.
    public var objects: [CheckedObject] = []
    /// Every finding, in file order.
    public var diagnostics: [Diagnostic] = []

    /// Creates an empty report.
    public init() {}

    /// True when no finding is an error (warnings allowed).
    public var ok: Bool { !diagnostics.contains { $0.severity == .error } }
    /// Number of errors.
    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    /// Number of warnings.
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
}
