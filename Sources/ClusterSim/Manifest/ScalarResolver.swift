/// Resolves plain (unquoted) YAML scalars exactly as go-yaml v2 does inside kubectl,
/// and writes numbers as Go's encoding/json would.
///
/// This is why `enabled: yes` is a boolean, `mode: 0644` is the number 420, `port: 80.0`
/// is accepted as 80, and `1e309` stays a string.
enum ScalarResolver {
    private static let trueWords: Set<String> = ["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"]
    private static let falseWords: Set<String> = ["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"]
    private static let nullWords: Set<String> = ["", "~", "null", "Null", "NULL"]

    /// The JSON value a plain scalar becomes.
    static func resolvePlain(_ text: String) -> YAMLNode.Content {
        if nullWords.contains(text) { return .null }
        if trueWords.contains(text) { return .bool(true) }
        if falseWords.contains(text) { return .bool(false) }
        guard let first = text.utf8.first,
            first == UInt8(ascii: "+") || first == UInt8(ascii: "-") || first == UInt8(ascii: ".")
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)
        else { return .string(text) }

        let digits = text.replacingAll("_", with: "")
        if let value = parseGoInt(digits) {
            return .number(NumberValue(jsonText: String(value), integer: value, double: Double(value)))
        }
        if let value = parseGoUInt(digits) {
            return .number(NumberValue(jsonText: String(value), integer: nil, double: Double(value)))
        }
        if isYAMLStyleFloat(text), let value = Double(text), value.isFinite {
            return .number(number(from: value))
        }
        if digits.hasPrefix("0b"), let value = Int64(digits.dropFirst(2), radix: 2) {
            return .number(NumberValue(jsonText: String(value), integer: value, double: Double(value)))
        }
        if digits.hasPrefix("-0b"), let value = Int64(digits.dropFirst(3), radix: 2) {
            return .number(NumberValue(jsonText: String(-value), integer: -value, double: Double(-value)))
        }
        return .string(text)
    }

    /// A double as a JSON number, integral values keeping their integer form.
    static func number(from value: Double) -> NumberValue {
        let integer: Int64? =
            value.rounded() == value && abs(value) < 9.2e18 ? Int64(value) : nil
        return NumberValue(jsonText: goJSONText(value), integer: integer, double: value)
    }

    /// strconv.ParseInt(s, 0, 64): optional sign, then 0x / 0o / 0b / leading-0 octal / decimal.
    static func parseGoInt(_ s: String) -> Int64? {
        var body = Substring(s)
        var negative = false
        if body.hasPrefix("+") {
            body = body.dropFirst()
        } else if body.hasPrefix("-") {
            negative = true
            body = body.dropFirst()
        }
        guard let magnitude = parseMagnitude(body) else { return nil }
        if negative {
            if magnitude == UInt64(Int64.max) + 1 { return Int64.min }
            guard magnitude <= UInt64(Int64.max) else { return nil }
            return -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return Int64(magnitude)
    }

    /// strconv.ParseUint(s, 0, 64).
    static func parseGoUInt(_ s: String) -> UInt64? {
        parseMagnitude(Substring(s))
    }

    private static func parseMagnitude(_ body: Substring) -> UInt64? {
        guard !body.isEmpty, body.first != "+", body.first != "-" else { return nil }
        if body.hasPrefix("0x") || body.hasPrefix("0X") { return UInt64(body.dropFirst(2), radix: 16) }
        if body.hasPrefix("0o") || body.hasPrefix("0O") { return UInt64(body.dropFirst(2), radix: 8) }
        if body.hasPrefix("0b") || body.hasPrefix("0B") { return UInt64(body.dropFirst(2), radix: 2) }
        if body.count > 1, body.hasPrefix("0") { return UInt64(body.dropFirst(), radix: 8) }
        return UInt64(body, radix: 10)
    }

    /// go-yaml's `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`.
    static func isYAMLStyleFloat(_ s: String) -> Bool {
        var chars = Substring(s)
        if chars.first == "+" || chars.first == "-" { chars = chars.dropFirst() }
        func digitRun(_ c: inout Substring) -> Int {
            let n = c.prefix { $0.isASCII && $0.isNumber }.count
            c = c.dropFirst(n)
            return n
        }
        if chars.first == "." {
            chars = chars.dropFirst()
            guard digitRun(&chars) > 0 else { return false }
        } else {
            guard digitRun(&chars) > 0 else { return false }
            if chars.first == "." {
                chars = chars.dropFirst()
                _ = digitRun(&chars)
            }
        }
        if chars.first == "e" || chars.first == "E" {
            chars = chars.dropFirst()
            if chars.first == "+" || chars.first == "-" { chars = chars.dropFirst() }
            guard digitRun(&chars) > 0 else { return false }
        }
        return chars.isEmpty
    }

    /// The text Go's encoding/json writes for a float64: shortest digits, plain notation
    /// between 1e-6 and 1e21, exponent notation (`1e+21`, `1e-7`) outside.
    static func goJSONText(_ value: Double) -> String {
        if value == 0 { return "0" }
        let magnitude = abs(value)
        let (digits, exponent) = shortestDigits(magnitude)
        let sign = value < 0 ? "-" : ""
        if magnitude < 1e-6 || magnitude >= 1e21 {
            var mantissa = String(digits.first!)
            if digits.count > 1 { mantissa += "." + digits.dropFirst() }
            let e = exponent - 1
            let expText = e < 0 ? "-\(-e)" : "+\(e)"
            return sign + mantissa + "e" + expText
        }
        // value = 0.digits × 10^exponent
        if exponent <= 0 {
            return sign + "0." + String(repeating: "0", count: -exponent) + digits
        }
        if exponent >= digits.count {
            return sign + digits + String(repeating: "0", count: exponent - digits.count)
        }
        let cut = digits.index(digits.startIndex, offsetBy: exponent)
        return sign + digits[..<cut] + "." + digits[cut...]
    }

    /// Shortest round-tripping decimal digits of a positive double and the exponent e with value = 0.d1d2... × 10^e.
    private static func shortestDigits(_ value: Double) -> (String, Int) {
        // Swift's description is the shortest round-trip form, e.g. "80.5", "1e+20", "1.5e-07".
        let text = value.description
        var mantissa = Substring(text)
        var exp10 = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exp10 = Int(text[text.index(after: e)...]) ?? 0
        }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let intPart = String(parts[0])
        let fracPart = parts.count > 1 ? String(parts[1]) : ""
        var digits = intPart + fracPart
        var pointPosition = intPart.count + exp10
        // Drop leading zeros (moving the point) and trailing zeros.
        while digits.hasPrefix("0") && digits.count > 1 {
            digits.removeFirst()
            pointPosition -= 1
        }
        while digits.hasSuffix("0") && digits.count > 1 { digits.removeLast() }
        return (digits, pointPosition)
    }
}

extension String {
    /// The string without trailing spaces.
    func trimmingTrailingSpace() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }

    /// The string with every occurrence of `target` replaced (kept here so the engine needs no Foundation for it).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for c in self {
            if c == target { out += replacement } else { out.append(c) }
        }
        return out
    }
}
