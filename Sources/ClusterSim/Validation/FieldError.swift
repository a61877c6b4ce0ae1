/// A path into an object as the API server writes it: `spec.ports[0].nodePort`.
public struct FieldPath: Sendable, Equatable, CustomStringConvertible {
    /// The rendered path.
    public private(set) var description: String

    /// The root (empty) path.
    public static let root = FieldPath(description: "")

    private init(description: String) {
        self.description = description
    }

    /// Creates a path from a dotted string.
    public init(_ path: String) {
        self.description = path
    }

    /// The path to a named child: `spec` → `spec.ports`.
    public func child(_ name: String) -> FieldPath {
        FieldPath(description: description.isEmpty ? name : description + "." + name)
    }

    /// The path to a list item: `spec.ports` → `spec.ports[0]`.
    public func index(_ i: Int) -> FieldPath {
        FieldPath(description: description + "[\(i)]")
    }

    /// The path to a map entry: `metadata.labels` → `metadata.labels[app]`.
    public func key(_ k: String) -> FieldPath {
        FieldPath(description: description + "[\(k)]")
    }
}

/// A value as the API server prints it inside an error (Go's `%#v`-ish forms).
public enum GoValue: Sendable, Equatable {
    case int(Int64)
    case string(String)
    case bool(Bool)
    /// A label map: `map[string]string{"app":"web"}` (keys sorted, as Go prints maps).
    case stringMap([(String, String)]?)
    /// A string list: `[]string{"1.1.1.1"}`.
    case stringList([String])
    /// Any other value printed verbatim (`[]networking.IngressRule(nil)`).
    case raw(String)

    public static func == (lhs: GoValue, rhs: GoValue) -> Bool { lhs.text == rhs.text }

    /// The value's text inside a message.
    public var text: String {
        switch self {
        case .int(let i): return String(i)
        case .bool(let b): return b ? "true" : "false"
        case .string(let s): return goQuote(s)
        case .stringMap(nil): return "map[string]string(nil)"
        case .stringMap(let pairs?):
            let body = pairs.sorted { $0.0 < $1.0 }.map { goQuote($0.0) + ":" + goQuote($0.1) }.joined(separator: ", ")
            return "map[string]string{" + body + "}"
        case .stringList(let items): return "[]string{" + items.map(goQuote).joined(separator: ", ") + "}"
        case .raw(let s): return s
        }
    }
}

/// The kinds of field error the API server reports, with the words it uses.
public enum FieldErrorType: String, Sendable {
    case required = "Required value"
    case invalid = "Invalid value"
    case unsupported = "Unsupported value"
    case duplicate = "Duplicate value"
    case forbidden = "Forbidden"
    case tooLong = "Too long"
}

/// One error as apimachinery's `field.Error` renders it: `<path>: <Type>[: <value>][: <detail>]`.
public struct FieldError: Sendable, Equatable {
    /// The API path.
    public var path: FieldPath
    /// The error type.
    public var type: FieldErrorType
    /// The offending value (not printed for Required and Forbidden).
    public var value: GoValue?
    /// The detail after the value.
    public var detail: String
    /// Where to point in the file.
    public var position: SourcePosition
    /// What to change, in plain English.
    public var explanation: String
    /// True for API warnings (printed as `Warning: ...`) rather than errors.
    public var isWarning: Bool = false

    /// The API server's text.
    public var message: String {
        if isWarning { return detail }
        var text = path.description + ": " + type.rawValue
        // apimachinery's ErrorBody prints no value for Required, Forbidden and Too long.
        if type != .required && type != .forbidden && type != .tooLong, let value {
            text += ": " + value.text
        }
        if !detail.isEmpty { text += ": " + detail }
        return text
    }

    /// `field.Required(path, detail)`.
    static func required(_ path: FieldPath, _ detail: String = "", at position: SourcePosition, _ explanation: String) -> FieldError {
        FieldError(path: path, type: .required, value: nil, detail: detail, position: position, explanation: explanation)
    }

    /// `field.Invalid(path, value, detail)`.
    static func invalid(_ path: FieldPath, _ value: GoValue, _ detail: String, at position: SourcePosition, _ explanation: String)
        -> FieldError
    {
        FieldError(path: path, type: .invalid, value: value, detail: detail, position: position, explanation: explanation)
    }

    /// `field.NotSupported(path, value, supported)`: the supported values are quoted and sorted.
    static func unsupported(_ path: FieldPath, _ value: String, supported: [String], at position: SourcePosition, _ explanation: String)
        -> FieldError
    {
        let list = supported.sorted().map(goQuote).joined(separator: ", ")
        return FieldError(
            path: path, type: .unsupported, value: .string(value), detail: "supported values: " + list, position: position,
            explanation: explanation)
    }

    /// `field.Duplicate(path, value)`.
    static func duplicate(_ path: FieldPath, _ value: GoValue, at position: SourcePosition, _ explanation: String) -> FieldError {
        FieldError(path: path, type: .duplicate, value: value, detail: "", position: position, explanation: explanation)
    }

    /// `field.Forbidden(path, detail)`.
    static func forbidden(_ path: FieldPath, _ detail: String, at position: SourcePosition, _ explanation: String) -> FieldError {
        FieldError(path: path, type: .forbidden, value: nil, detail: detail, position: position, explanation: explanation)
    }

    /// An API warning, printed by kubectl as `Warning: <text>`.
    static func warning(_ path: FieldPath, _ text: String, at position: SourcePosition, _ explanation: String) -> FieldError {
        FieldError(
            path: path, type: .invalid, value: nil, detail: text, position: position, explanation: explanation, isWarning: true)
    }
}

/// Go's `%q`: double quotes, with backslash escapes for quotes, backslashes and control characters.
func goQuote(_ s: String) -> String {
    // Most names need no escape: copy them whole instead of a scalar at a time.
    if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
        return "\"" + s + "\""
    }
    var out = "\""
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        case "\r": out += "\\r"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                out += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}
