/// An API object as the server returns it (a JSON value), for `-o yaml`, `-o json` and `-o jsonpath`.
indirect enum ObjectTree: Sendable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case list([ObjectTree])
    case map([(String, ObjectTree)])

    /// A map from pairs, dropping nil values (fields the server omits when empty).
    static func object(_ pairs: [(String, ObjectTree?)]) -> ObjectTree {
        .map(pairs.compactMap { key, value in value.map { (key, $0) } })
    }

    /// A string map (labels, selectors), nil when empty.
    static func stringMap(_ map: [String: String]?) -> ObjectTree? {
        guard let map, !map.isEmpty else { return nil }
        return .map(map.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })
    }

    /// The value at `key` of a map.
    subscript(key: String) -> ObjectTree? {
        if case .map(let pairs) = self { return pairs.first { $0.0 == key }?.1 }
        return nil
    }

    // MARK: YAML

    /// YAML as kubectl prints it (sigs.k8s.io/yaml): keys sorted, two-space indentation,
    /// list items at their key's indentation, strings quoted when they would read back as something else.
    var yaml: String {
        var out = ""
        Self.writeYAML(self, indent: 0, into: &out)
        return out
    }

    private static func writeYAML(_ node: ObjectTree, indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        switch node {
        case .map(let pairs):
            for (key, value) in pairs.sorted(by: { $0.0 < $1.0 }) {
                out += pad + yamlScalar(key) + ":"
                writeYAMLChild(value, indent: indent, into: &out)
            }
        case .list(let items):
            for item in items {
                out += pad + "-"
                switch item {
                case .map(let pairs) where !pairs.isEmpty:
                    var first = true
                    for (key, value) in pairs.sorted(by: { $0.0 < $1.0 }) {
                        out += (first ? " " : pad + "  ") + yamlScalar(key) + ":"
                        writeYAMLChild(value, indent: indent + 2, into: &out)
                        first = false
                    }
                case .list(let inner) where !inner.isEmpty:
                    out += "\n"
                    writeYAML(item, indent: indent + 2, into: &out)
                default:
                    out += " " + inlineYAML(item) + "\n"
                }
            }
        default:
            out += pad + inlineYAML(node) + "\n"
        }
    }

    /// The value after `key:` (on the same line when scalar or empty, else on the next lines).
    private static func writeYAMLChild(_ value: ObjectTree, indent: Int, into out: inout String) {
        switch value {
        case .string(let s) where s.contains("\n") && !s.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" }):
            // A multi-line string as a literal block (`|`, or `|-` without a final newline).
            let pad = String(repeating: " ", count: indent + 2)
            var lines = s.split(separator: "\n", omittingEmptySubsequences: false)
            let keep = s.hasSuffix("\n")
            if keep { lines.removeLast() }
            out += keep ? " |\n" : " |-\n"
            for line in lines { out += line.isEmpty ? "\n" : pad + line + "\n" }
        case .map(let pairs) where !pairs.isEmpty:
            out += "\n"
            writeYAML(value, indent: indent + 2, into: &out)
        case .list(let items) where !items.isEmpty:
            out += "\n"
            writeYAML(value, indent: indent, into: &out)
        default:
            out += " " + inlineYAML(value) + "\n"
        }
    }

    private static func inlineYAML(_ value: ObjectTree) -> String {
        switch value {
        case .string(let s): return yamlScalar(s)
        case .int(let n): return String(n)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .list: return "[]"
        case .map: return "{}"
        }
    }

    /// A string as go-yaml writes it: plain when safe, double-quoted when it would read back as
    /// a number, boolean, null or timestamp, single-quoted when it holds YAML syntax.
    static func yamlScalar(_ s: String) -> String {
        if s.isEmpty { return "\"\"" }
        if case .string = ScalarResolver.resolvePlain(s) {} else { return goQuote(s) }
        if looksLikeTimestamp(s) { return goQuote(s) }
        if s.unicodeScalars.contains(where: { $0.value < 0x20 }) { return goQuote(s) }
        let first = s.first!
        let needsQuotes =
            "-?:,[]{}#&*!|>'\"%@`".contains(first) && !(first == "-" && s.count > 1 && s.dropFirst().first != " ")
            || s.hasPrefix(" ") || s.hasSuffix(" ") || s.contains(": ") || s.contains(" #") || s.hasSuffix(":")
        if needsQuotes { return "'" + s.replacingAll("'", with: "''") + "'" }
        return s
    }

    private static func looksLikeTimestamp(_ s: String) -> Bool {
        let scalars = Array(s.unicodeScalars)
        guard scalars.count >= 10 else { return false }
        func digit(_ i: Int) -> Bool { scalars[i].properties.numericType != nil && scalars[i].isASCII }
        return digit(0) && digit(1) && digit(2) && digit(3) && scalars[4] == "-" && digit(5) && digit(6) && scalars[7] == "-"
            && digit(8) && digit(9)
    }

    // MARK: JSON

    /// JSON as `kubectl get -o json` prints it: keys sorted, four-space indentation.
    var json: String {
        var out = ""
        Self.writeJSON(self, indent: 0, into: &out)
        return out + "\n"
    }

    private static func writeJSON(_ node: ObjectTree, indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent + 4)
        let close = String(repeating: " ", count: indent)
        switch node {
        case .string(let s): out += YAMLWriter.jsonString(s)
        case .int(let n): out += String(n)
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .list(let items):
            if items.isEmpty {
                out += "[]"
                return
            }
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += pad
                writeJSON(item, indent: indent + 4, into: &out)
                out += i == items.count - 1 ? "\n" : ",\n"
            }
            out += close + "]"
        case .map(let pairs):
            if pairs.isEmpty {
                out += "{}"
                return
            }
            out += "{\n"
            let sorted = pairs.sorted { $0.0 < $1.0 }
            for (i, (key, value)) in sorted.enumerated() {
                out += pad + YAMLWriter.jsonString(key) + ": "
                writeJSON(value, indent: indent + 4, into: &out)
                out += i == sorted.count - 1 ? "\n" : ",\n"
            }
            out += close + "}"
        }
    }

    /// Compact JSON (jsonpath prints maps and lists this way).
    var compactJSON: String {
        switch self {
        case .string(let s): return YAMLWriter.jsonString(s)
        case .int(let n): return String(n)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .list(let items): return "[" + items.map(\.compactJSON).joined(separator: ",") + "]"
        case .map(let pairs):
            return "{" + pairs.sorted { $0.0 < $1.0 }.map { YAMLWriter.jsonString($0.0) + ":" + $0.1.compactJSON }.joined(separator: ",") + "}"
        }
    }

    /// How jsonpath prints a value: strings bare, the rest as JSON.
    var jsonPathText: String {
        switch self {
        case .string(let s): return s
        default: return compactJSON
        }
    }
}

/// kubectl's `-o jsonpath=TEMPLATE`, for the forms a lesson uses: `{.a.b}`, `{.items[0].x}`,
/// `{.items[*].metadata.name}`, `{range .items[*]}...{end}`, and `{"\n"}` literals.
enum JSONPath {
    /// Why a template could not be used; `message` is kubectl's text.
    struct Problem: Error {
        var message: String
    }

    private indirect enum Part {
        case text(String)
        case path([Step])
        case range([Step], [Part])
    }

    private enum Step {
        case field(String)
        case index(Int)
        case all
    }

    static func evaluate(_ template: String, on root: ObjectTree) -> Result<String, Problem> {
        let parts: [Part]
        switch parse(template) {
        case .success(let p): parts = p
        case .failure(let problem): return .failure(problem)
        }
        return render(parts, root: root, current: root)
    }

    private static func render(_ parts: [Part], root: ObjectTree, current: ObjectTree) -> Result<String, Problem> {
        var out = ""
        for part in parts {
            switch part {
            case .text(let text): out += text
            case .path(let steps):
                let values = select(steps, from: current)
                out += values.map(\.jsonPathText).joined(separator: " ")
            case .range(let steps, let body):
                for value in select(steps, from: current) {
                    switch render(body, root: root, current: value) {
                    case .success(let text): out += text
                    case .failure(let problem): return .failure(problem)
                    }
                }
            }
        }
        return .success(out)
    }

    private static func select(_ steps: [Step], from start: ObjectTree) -> [ObjectTree] {
        var current = [start]
        for step in steps {
            var next: [ObjectTree] = []
            for value in current {
                switch (step, value) {
                case (.field(let name), .map):
                    if let child = value[name] { next.append(child) }
                case (.index(let i), .list(let items)):
                    let index = i < 0 ? items.count + i : i
                    if items.indices.contains(index) { next.append(items[index]) }
                case (.all, .list(let items)):
                    next += items
                case (.all, .map(let pairs)):
                    next += pairs.sorted { $0.0 < $1.0 }.map(\.1)
                default:
                    break
                }
            }
            current = next
        }
        return current
    }

    private static func parse(_ template: String) -> Result<[Part], Problem> {
        var stack: [([Step], [Part])] = []
        var parts: [Part] = []
        var text = ""
        var chars = Array(template)
        // kubectl accepts a bare path without braces: `.metadata.name`.
        if !template.contains("{") && template.hasPrefix(".") { chars = Array("{" + template + "}") }
        var i = 0
        while i < chars.count {
            let ch = chars[i]
            if ch != "{" {
                text.append(ch)
                i += 1
                continue
            }
            guard let close = chars[i...].firstIndex(of: "}") else {
                return .failure(Problem(message: "error: error parsing jsonpath \(template), unclosed action"))
            }
            if !text.isEmpty {
                parts.append(.text(text))
                text = ""
            }
            let inner = String(chars[(i + 1)..<close]).trimmingSpaces()
            i = close + 1
            if inner.hasPrefix("\"") && inner.hasSuffix("\"") && inner.count >= 2 {
                let literal = String(inner.dropFirst().dropLast())
                parts.append(.text(literal.replacing("\\n", with: "\n").replacing("\\t", with: "\t")))
            } else if inner.hasPrefix("range ") {
                guard let steps = steps(String(inner.dropFirst(6)).trimmingSpaces()) else {
                    return .failure(Problem(message: "error: error parsing jsonpath \(template), unrecognized identifier \(inner)"))
                }
                stack.append((steps, parts))
                parts = []
            } else if inner == "end" {
                guard let (steps, outer) = stack.popLast() else {
                    return .failure(Problem(message: "error: error parsing jsonpath \(template), not in range, nothing to end"))
                }
                parts = outer + [.range(steps, parts)]
            } else if let steps = steps(inner) {
                parts.append(.path(steps))
            } else {
                return .failure(Problem(message: "error: error parsing jsonpath \(template), unrecognized identifier \(inner)"))
            }
        }
        if !text.isEmpty { parts.append(.text(text)) }
        if !stack.isEmpty { return .failure(Problem(message: "error: error parsing jsonpath \(template), unclosed range")) }
        return .success(parts)
    }

    private static func steps(_ path: String) -> [Step]? {
        var result: [Step] = []
        var rest = Substring(path)
        if rest.hasPrefix("$") { rest = rest.dropFirst() }
        if rest == "@" || rest.isEmpty || rest == "." { return [] }
        while !rest.isEmpty {
            if rest.hasPrefix(".") {
                rest = rest.dropFirst()
                let name = rest.prefix { $0 != "." && $0 != "[" }
                guard !name.isEmpty else { return nil }
                result.append(name == "*" ? .all : .field(String(name)))
                rest = rest.dropFirst(name.count)
            } else if rest.hasPrefix("[") {
                guard let close = rest.firstIndex(of: "]") else { return nil }
                let inner = rest[rest.index(after: rest.startIndex)..<close]
                if inner == "*" {
                    result.append(.all)
                } else if let n = Int(inner) {
                    result.append(.index(n))
                } else if inner.hasPrefix("'") && inner.hasSuffix("'") && inner.count >= 2 {
                    result.append(.field(String(inner.dropFirst().dropLast())))
                } else {
                    return nil
                }
                rest = rest[rest.index(after: close)...]
            } else {
                return nil
            }
        }
        return result
    }
}

extension String {
    /// The string without leading and trailing spaces.
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
