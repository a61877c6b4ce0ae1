/// A 1-based line and column in a manifest file (not in one document of it).
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Line number, starting at 1.
    public var line: Int
    /// Column number, starting at 1, counted in Unicode scalars as libyaml does.
    public var column: Int

    /// Creates a position.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The start of a file.
    public static let start = SourcePosition(line: 1, column: 1)

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// One node of a manifest as the API server sees it after kubectl turned YAML into JSON,
/// with the place in the file every value came from.
///
/// Scalars are already resolved the way kubectl's YAML 1.1 reader resolves them
/// (`yes` is a boolean, `0x1F` a number, `1e309` a string), and keys are strings.
public struct YAMLNode: Sendable {
    /// What the node holds.
    public enum Content: Sendable {
        case null
        case bool(Bool)
        /// A number, with the text Go's encoding/json would print for it and its value when integral and in Int64 range.
        case number(NumberValue)
        case string(String)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    /// What the node holds.
    public var content: Content
    /// Where the node starts in the file.
    public var position: SourcePosition

    /// Creates a node.
    public init(_ content: Content, at position: SourcePosition) {
        self.content = content
        self.position = position
    }

    /// The value for `key` when this node is a mapping.
    public subscript(key: String) -> YAMLNode? {
        pair(key)?.value
    }

    /// The key/value pair for `key` when this node is a mapping.
    public func pair(_ key: String) -> YAMLPair? {
        guard case .mapping(let pairs) = content else { return nil }
        return pairs.first { $0.key == key }
    }

    /// The string value, when this node is a string.
    public var string: String? {
        if case .string(let s) = content { return s }
        return nil
    }

    /// The integer value, when this node is an integral number within Int64.
    public var int: Int64? {
        if case .number(let n) = content { return n.integer }
        return nil
    }

    /// The boolean value, when this node is a boolean.
    public var bool: Bool? {
        if case .bool(let b) = content { return b }
        return nil
    }

    /// The items, when this node is a sequence.
    public var items: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The pairs, when this node is a mapping.
    public var pairs: [YAMLPair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// True for an explicit `null`, `~` or empty value.
    public var isNull: Bool {
        if case .null = content { return true }
        return false
    }

    /// The JSON kind name encoding/json uses in "cannot unmarshal X into ...".
    var jsonKindName: String {
        switch content {
        case .null: "null"
        case .bool: "bool"
        case .number: "number"
        case .string: "string"
        case .sequence: "array"
        case .mapping: "object"
        }
    }
}

/// A key and its value in a mapping; the key's own position is kept for "unknown field" and duplicate-key findings.
public struct YAMLPair: Sendable {
    /// The key, converted to a string as kubectl does (`80: x` has the key "80").
    public var key: String
    /// Where the key starts.
    public var keyPosition: SourcePosition
    /// The value.
    public var value: YAMLNode

    /// Creates a pair.
    public init(key: String, keyPosition: SourcePosition, value: YAMLNode) {
        self.key = key
        self.keyPosition = keyPosition
        self.value = value
    }
}

/// A number as it travels through kubectl's YAML-to-JSON conversion.
public struct NumberValue: Sendable, Equatable {
    /// The JSON text Go would write for it (`80`, `80.5`, `100000000000000000000`).
    public var jsonText: String
    /// The value when it is integral and fits in Int64.
    public var integer: Int64?
    /// The value as a double.
    public var double: Double
}
