import Testing

@testable import ClusterSim

/// Checks one inline manifest as `kubetutor check FILE` would check a file of that name.
func checkManifest(_ yaml: String, fileName: String = "test.yaml") -> CheckReport {
    ManifestChecker().check(text: yaml, fileName: fileName)
}

/// The part of a diagnostic a learner relies on: where, which API path, and the API server's exact words.
///
/// Comparing whole arrays of these proves the message byte for byte, the field and the position, and that
/// nothing else was reported.
struct Finding: Equatable, CustomStringConvertible {
    var severity: Diagnostic.Severity = .error
    var line: Int
    var column: Int
    var field: String
    var message: String

    init(_ severity: Diagnostic.Severity = .error, line: Int, column: Int, field: String, message: String) {
        self.severity = severity
        self.line = line
        self.column = column
        self.field = field
        self.message = message
    }

    var description: String { "\(severity) \(line):\(column) [\(field)] \(message)" }
}

extension CheckReport {
    /// Every diagnostic, reduced to what the tests compare.
    var findings: [Finding] {
        diagnostics.map { Finding($0.severity, line: $0.line, column: $0.column, field: $0.field, message: $0.message) }
    }

    /// Only the errors.
    var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// Only the warnings.
    var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }

    /// The diagnostics about one API path.
    func diagnostics(at field: String) -> [Diagnostic] { diagnostics.filter { $0.field == field } }
}

/// The API server's long rule texts, written out here once from `k8s-facts.md` section 2 (not taken from the
/// code under test), so that a change in the code's wording fails the tests.
enum APIText {
    static let portRange = "must be between 1 and 65535, inclusive"
    static let dns1035Label =
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"
    static let dns1123Label =
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
    static let dns1123Subdomain =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
    static let labelKeyNamePart =
        "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
    static let labelValue =
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"
    static let wildcardSubdomain =
        "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used for validation is '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
    static let nodePortRange = "provided port is not in the valid range. The range of valid ports is 30000-32767"

    /// What kubectl prints before a strict-decoding or type error of an object of `kind`.
    static func cannotBeHandled(_ kind: String, version: String = "v1") -> String {
        "\(kind) in version \"\(version)\" cannot be handled as a \(kind): "
    }

    /// kubectl's answer to a kind and version the API server does not serve.
    static func noMatches(name: String, namespace: String = "", file: String, kind: String, version: String) -> String {
        "resource mapping not found for name: \"\(name)\" namespace: \"\(namespace)\" from \"\(file)\": no matches for kind \"\(kind)\" in version \"\(version)\"\nensure CRDs are installed first"
    }
}
