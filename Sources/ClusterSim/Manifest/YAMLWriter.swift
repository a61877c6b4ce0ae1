/// Writes a ``YAMLNode`` back as block-style YAML, and as compact JSON (kubectl quotes objects as JSON in some errors).
enum YAMLWriter {
    /// Block-style YAML with two-space indentation, sequences indented under their key as kubectl prints them.
    static func write(_ node: YAMLNode) -> String {
        var out = ""
        writeValue(node, indent: 0, into: &out, afterKey: false)
        return out
    }

    private static func writeValue(_ node: YAMLNode, indent: Int, into out: inout String, afterKey: Bool) {
        let pad = String(repeating: " ", count: indent)
        switch node.content {
        case .mapping(let pairs):
            if pairs.isEmpty {
                out += (afterKey ? " " : pad) + "{}\n"
                return
            }
            if afterKey { out += "\n" }
            for pair in pairs {
                out += pad + scalarText(.string(pair.key)) + ":"
                writeChild(pair.value, indent: indent, into: &out)
            }
        case .sequence(let items):
            if items.isEmpty {
                out += (afterKey ? " " : pad) + "[]\n"
                return
            }
            if afterKey { out += "\n" }
            for item in items {
                out += pad + "-"
                switch item.content {
                case .mapping(let pairs) where !pairs.isEmpty:
                    // The first key shares the dash's line.
                    var first = true
                    for pair in pairs {
                        out += (first ? " " : pad + "  ") + scalarText(.string(pair.key)) + ":"
                        writeChild(pair.value, indent: indent + 2, into: &out)
                        first = false
                    }
                default:
                    writeChild(item, indent: indent, into: &out)
                }
            }
        default:
            out += (afterKey ? " " : pad) + scalarText(node.content) + "\n"
        }
    }

    private static func writeChild(_ value: YAMLNode, indent: Int, into out: inout String) {
        switch value.content {
        case .mapping(let pairs) where !pairs.isEmpty:
            writeValue(value, indent: indent + 2, into: &out, afterKey: true)
        case .sequence(let items) where !items.isEmpty:
            writeValue(value, indent: indent + 2, into: &out, afterKey: true)
        default:
            writeValue(value, indent: indent, into: &out, afterKey: true)
        }
    }

    /// A scalar, quoted when a plain scalar would read back as something else.
    static func scalarText(_ content: YAMLNode.Content) -> String {
        switch content {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n.jsonText
        case .string(let s):
            if case .string = ScalarResolver.resolvePlain(s), isPlainSafe(s) { return s }
            return goQuote(s)
        case .sequence, .mapping: return ""
        }
    }

    private static func isPlainSafe(_ s: String) -> Bool {
        guard let first = s.first, first != " ", !s.hasSuffix(" ") else { return false }
        if "?:,[]{}#&*!|>'\"%@`".contains(first) { return false }
        if first == "-" && (s.count == 1 || s.dropFirst().first == " ") { return false }
        return !s.contains(": ") && !s.contains(" #") && !s.hasSuffix(":") && !s.contains("\n")
            && !s.unicodeScalars.contains { $0.value < 0x20 }
    }

    /// Compact JSON with keys sorted, as Go's encoding/json writes a map.
    static func json(_ node: YAMLNode) -> String {
        switch node.content {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n.jsonText
        case .string(let s): return jsonString(s)
        case .sequence(let items): return "[" + items.map(json).joined(separator: ",") + "]"
        case .mapping(let pairs):
            return "{" + pairs.sorted { $0.key < $1.key }.map { jsonString($0.key) + ":" + json($0.value) }.joined(separator: ",") + "}"
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func jsonString(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + s.utf8.count / 16 + 2)
        appendJSONString(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `s` as a JSON string literal, as Go's encoding/json writes it (control bytes as `\u00XX`).
    static func appendJSONString(_ s: String, to out: inout [UInt8]) {
        // Over the UTF-8 bytes: every byte of a multi-byte character is 0x80 or above and is copied as it is. The runs
        // between bytes that need an escape are copied whole.
        var text = s
        text.withUTF8 { bytes in
            out.append(UInt8(ascii: "\""))
            var runStart = 0
            for index in bytes.indices {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                out.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\n"): out.append(UInt8(ascii: "n"))
                case UInt8(ascii: "\r"): out.append(UInt8(ascii: "r"))
                case UInt8(ascii: "\t"): out.append(UInt8(ascii: "t"))
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(byte)
                default:
                    out.append(UInt8(ascii: "u"))
                    out.append(UInt8(ascii: "0"))
                    out.append(UInt8(ascii: "0"))
                    out.append(hexDigits[Int(byte >> 4)])
                    out.append(hexDigits[Int(byte & 0xF)])
                }
                runStart = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
            out.append(UInt8(ascii: "\""))
        }
    }
}
