/// The name, label and port rules of kubernetes/apimachinery `pkg/util/validation`, one function
/// each, returning the exact messages the API server prints (see `k8s-facts.md` section 2).
enum NameRules {
    // MARK: Message texts (one place each)

    static let dns1123LabelFormat = "[a-z0-9]([-a-z0-9]*[a-z0-9])?"
    static let dns1123SubdomainFormat = dns1123LabelFormat + "(\\." + dns1123LabelFormat + ")*"
    static let dns1035LabelFormat = "[a-z]([-a-z0-9]*[a-z0-9])?"
    static let qualifiedNameFormat = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]"
    static let labelValueFormat = "(" + qualifiedNameFormat + ")?"
    static let wildcardFormat = "\\*\\." + dns1123SubdomainFormat

    static let dns1123LabelMessage =
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character"
    static let dns1123SubdomainMessage =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character"
    static let dns1035LabelMessage =
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character"
    static let qualifiedNameMessage =
        "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
    static let labelValueMessage =
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
    static let wildcardMessage =
        "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character"
    static let portRangeMessage = "must be between 1 and 65535, inclusive"

    /// apimachinery's `RegexError`: the message, examples (joined with `  or ` because each ends in `, `) and the regex.
    static func regexError(_ message: String, _ format: String, _ examples: String...) -> String {
        if examples.isEmpty { return message + " (regex used for validation is '" + format + "')" }
        var text = message + " (e.g. "
        for (i, example) in examples.enumerated() {
            if i > 0 { text += " or " }
            text += "'" + example + "', "
        }
        return text + "regex used for validation is '" + format + "')"
    }

    /// apimachinery's `MaxLenError`.
    static func maxLength(_ n: Int) -> String { "must be no more than \(n) characters" }

    // MARK: Character classes

    private static func isLowerAlnum(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39)
    }
    private static func isAlnum(_ c: UInt8) -> Bool {
        isLowerAlnum(c) || (c >= 0x41 && c <= 0x5A)
    }
    private static func isLowerAlpha(_ c: UInt8) -> Bool { c >= 0x61 && c <= 0x7A }

    // MARK: Matchers

    /// `[a-z0-9]([-a-z0-9]*[a-z0-9])?`
    static func matchesDNS1123Label<S: StringProtocol>(_ s: S) -> Bool {
        let b = Array(s.utf8)
        guard let first = b.first, let last = b.last, isLowerAlnum(first), isLowerAlnum(last) else { return false }
        return b.allSatisfy { isLowerAlnum($0) || $0 == UInt8(ascii: "-") }
    }

    /// `[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*`
    static func matchesDNS1123Subdomain<S: StringProtocol>(_ s: S) -> Bool {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        return !parts.isEmpty && parts.allSatisfy { matchesDNS1123Label($0) }
    }

    /// `[a-z]([-a-z0-9]*[a-z0-9])?`
    static func matchesDNS1035Label(_ s: String) -> Bool {
        guard let first = s.utf8.first, isLowerAlpha(first) else { return false }
        return matchesDNS1123Label(s)
    }

    /// `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]`
    static func matchesQualifiedNamePart<S: StringProtocol>(_ s: S) -> Bool {
        let b = Array(s.utf8)
        guard let first = b.first, let last = b.last, isAlnum(first), isAlnum(last) else { return false }
        return b.allSatisfy { isAlnum($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") }
    }

    // MARK: Rules (each returns the list of messages, empty when valid)

    /// `IsDNS1123Label` (container names, namespaces, Service port names).
    static func dns1123Label(_ s: String) -> [String] {
        var errors: [String] = []
        if s.utf8.count > 63 { errors.append(maxLength(63)) }
        if !matchesDNS1123Label(s) {
            // A valid subdomain that is not a valid label can only be wrong by its dots; apimachinery says just that.
            errors.append(
                matchesDNS1123Subdomain(s) ? "must not contain dots" : regexError(dns1123LabelMessage, dns1123LabelFormat, "my-name", "123-abc"))
        }
        return errors
    }

    /// `IsDNS1123Subdomain` (most object names, Ingress hosts).
    static func dns1123Subdomain(_ s: String) -> [String] {
        var errors: [String] = []
        if s.utf8.count > 253 { errors.append(maxLength(253)) }
        if !matchesDNS1123Subdomain(s) { errors.append(regexError(dns1123SubdomainMessage, dns1123SubdomainFormat, "example.com")) }
        return errors
    }

    /// `IsDNS1035Label` (Service names, Ingress backend service names).
    static func dns1035Label(_ s: String) -> [String] {
        var errors: [String] = []
        if s.utf8.count > 63 { errors.append(maxLength(63)) }
        if !matchesDNS1035Label(s) { errors.append(regexError(dns1035LabelMessage, dns1035LabelFormat, "my-name", "abc-123")) }
        return errors
    }

    /// `IsWildcardDNS1123Subdomain` (Ingress hosts containing `*`).
    static func wildcardDNS1123Subdomain(_ s: String) -> [String] {
        var errors: [String] = []
        if s.utf8.count > 253 { errors.append(maxLength(253)) }
        if !(s.hasPrefix("*.") && matchesDNS1123Subdomain(s.dropFirst(2))) {
            errors.append(regexError(wildcardMessage, wildcardFormat, "*.example.com"))
        }
        return errors
    }

    /// `IsValidPortNum`.
    static func portNumber(_ n: Int64) -> [String] {
        (1...65535).contains(n) ? [] : [portRangeMessage]
    }

    /// `IsValidPortName` (IANA service names: container port names, named targetPorts).
    static func portName(_ s: String) -> [String] {
        var errors: [String] = []
        let b = Array(s.utf8)
        if b.count > 15 { errors.append(maxLength(15)) }
        if b.isEmpty || !b.allSatisfy({ isLowerAlnum($0) || $0 == UInt8(ascii: "-") }) {
            errors.append("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)")
        }
        if !b.contains(where: isLowerAlpha) { errors.append("must contain at least one letter (a-z)") }
        if s.contains("--") { errors.append("must not contain consecutive hyphens") }
        if let first = b.first, let last = b.last, first == UInt8(ascii: "-") || last == UInt8(ascii: "-") {
            errors.append("must not begin or end with a hyphen")
        }
        return errors
    }

    /// `IsQualifiedName` (label keys, annotation keys).
    static func qualifiedName(_ s: String) -> [String] {
        var errors: [String] = []
        let parts = s.split(separator: "/", omittingEmptySubsequences: false)
        let name: Substring
        switch parts.count {
        case 1:
            name = parts[0]
        case 2:
            let prefix = parts[0]
            name = parts[1]
            if prefix.isEmpty {
                errors.append("prefix part must be non-empty")
            } else {
                errors += dns1123Subdomain(String(prefix)).map { "prefix part " + $0 }
            }
        default:
            return [
                "a qualified name "
                    + regexError(qualifiedNameMessage, qualifiedNameFormat, "MyName", "my.name", "123-abc")
                    + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"
            ]
        }
        if name.isEmpty {
            errors.append("name part must be non-empty")
        } else if name.utf8.count > 63 {
            errors.append("name part " + maxLength(63))
        }
        if !matchesQualifiedNamePart(name) {
            errors.append("name part " + regexError(qualifiedNameMessage, qualifiedNameFormat, "MyName", "my.name", "123-abc"))
        }
        return errors
    }

    /// `IsValidLabelValue`.
    static func labelValue(_ s: String) -> [String] {
        var errors: [String] = []
        if s.utf8.count > 63 { errors.append(maxLength(63)) }
        if !s.isEmpty && !matchesQualifiedNamePart(s) {
            errors.append(regexError(labelValueMessage, labelValueFormat, "MyValue", "my_value", "12345"))
        }
        return errors
    }

    /// True for a dotted-quad IPv4 or an IPv6 address (what `net.ParseIP` accepts, roughly).
    static func isIPAddress(_ s: String) -> Bool {
        isIPv4(s) || isIPv6(s)
    }

    /// Four decimal octets 0-255.
    static func isIPv4(_ s: String) -> Bool {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        return parts.allSatisfy { p in
            !p.isEmpty && p.count <= 3 && p.allSatisfy { $0.isASCII && $0.isNumber } && (Int(p) ?? 256) <= 255
        }
    }

    /// Hex groups separated by colons, with at most one `::`.
    static func isIPv6(_ s: String) -> Bool {
        guard s.contains(":"), s.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else { return false }
        let doubleColons = s.components(separatedByString: "::").count - 1
        guard doubleColons <= 1 else { return false }
        let groups = s.split(separator: ":", omittingEmptySubsequences: true)
        return groups.allSatisfy { $0.count <= 4 || isIPv4(String($0)) } && (doubleColons == 1 ? groups.count < 8 : groups.count == 8)
    }
}

extension String {
    /// Splits on a multi-character separator without Foundation.
    func components(separatedByString separator: String) -> [Substring] {
        var result: [Substring] = []
        var rest = self[...]
        while let range = rest.firstRange(of: separator) {
            result.append(rest[..<range.lowerBound])
            rest = rest[range.upperBound...]
        }
        result.append(rest)
        return result
    }
}
