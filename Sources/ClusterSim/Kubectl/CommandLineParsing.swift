/// Splits a command line into words the way a POSIX shell would for a simple command:
/// whitespace separates words, `'...'` is literal, `"..."` keeps spaces and understands
/// `\"`, `\\`, `\$` and `` \` ``, and a backslash outside quotes escapes the next character.
enum ShellWords {
    /// Why a command line could not be split.
    enum Problem: Error, Equatable {
        /// A quote was opened and never closed.
        case unterminatedQuote(Character)
        /// A pipe, redirection or command separator: the console runs one kubectl command at a time.
        case shellOperator(String)
    }

    static func split(_ line: String) -> Result<[String], Problem> {
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character? = nil
        var escaped = false
        let operators: Set<Character> = ["|", ">", "<", ";", "&", "`"]
        for ch in line {
            if escaped {
                // Inside double quotes only a few characters are escapable; elsewhere any.
                if quote == "\"" && !"\"\\$`".contains(ch) && ch != "\n" { word.append("\\") }
                if ch != "\n" { word.append(ch) }
                escaped = false
                inWord = true
                continue
            }
            switch quote {
            case "'":
                if ch == "'" { quote = nil } else { word.append(ch) }
            case "\"":
                if ch == "\"" { quote = nil } else if ch == "\\" { escaped = true } else { word.append(ch) }
            default:
                if ch == "'" || ch == "\"" {
                    quote = ch
                    inWord = true
                } else if ch == "\\" {
                    escaped = true
                    inWord = true
                } else if ch == " " || ch == "\t" || ch == "\n" || ch == "\r" {
                    if inWord { words.append(word) }
                    word = ""
                    inWord = false
                } else if operators.contains(ch) {
                    return .failure(.shellOperator(String(ch)))
                } else {
                    word.append(ch)
                    inWord = true
                }
            }
        }
        if let quote { return .failure(.unterminatedQuote(quote)) }
        if escaped { word.append("\\") }
        if inWord { words.append(word) }
        return .success(words)
    }
}

/// One flag a kubectl command accepts, as pflag defines it.
struct FlagSpec: Sendable {
    /// `namespace` for `--namespace`.
    var long: String
    /// `n` for `-n`.
    var short: Character?
    /// False for boolean flags (`-A`, `--show-labels`).
    var takesValue: Bool

    static func value(_ long: String, _ short: Character? = nil) -> FlagSpec { FlagSpec(long: long, short: short, takesValue: true) }
    static func bool(_ long: String, _ short: Character? = nil) -> FlagSpec { FlagSpec(long: long, short: short, takesValue: false) }
}

/// The flags and positional arguments of one command, parsed with pflag's rules
/// (flags anywhere, `--flag=value`, `--flag value`, `-n value`, `-nvalue`, `-n=value`,
/// grouped boolean shorthands `-it`, and `--` ending the flags).
struct ParsedFlags: Sendable {
    /// Values of flags that take one, by long name, in order given.
    var values: [String: [String]] = [:]
    /// Boolean flags, by long name (the last value given wins).
    var bools: [String: Bool] = [:]
    /// Positional arguments before `--`.
    var arguments: [String] = []
    /// Everything after `--`, nil when there was no `--`.
    var afterDashDash: [String]? = nil

    /// The last value of a flag.
    func value(_ long: String) -> String? { values[long]?.last }
    /// True when a boolean flag was given (and not set to false).
    func isSet(_ long: String) -> Bool { bools[long] ?? false }

    /// Why the flags could not be parsed; `message` is pflag's text.
    struct Problem: Error, Equatable {
        var message: String
    }

    static func parse(_ words: [String], specs: [FlagSpec]) -> Result<ParsedFlags, Problem> {
        var parsed = ParsedFlags()
        let byLong = Dictionary(specs.map { ($0.long, $0) }, uniquingKeysWith: { a, _ in a })
        let byShort = Dictionary(specs.compactMap { spec in spec.short.map { ($0, spec) } }, uniquingKeysWith: { a, _ in a })
        var index = 0
        func setBool(_ spec: FlagSpec, _ text: String?, shown: String) -> Problem? {
            guard let text else {
                parsed.bools[spec.long] = true
                return nil
            }
            switch text.lowercased() {
            case "1", "t", "true": parsed.bools[spec.long] = true
            case "0", "f", "false": parsed.bools[spec.long] = false
            default:
                return Problem(
                    message: "invalid argument \(goQuote(text)) for \(goQuote(shown)) flag: strconv.ParseBool: parsing \(goQuote(text)): invalid syntax")
            }
            return nil
        }
        while index < words.count {
            let word = words[index]
            index += 1
            if word == "--" {
                parsed.afterDashDash = Array(words[index...])
                break
            }
            if word.hasPrefix("--") {
                let body = word.dropFirst(2)
                let name: String
                var inline: String? = nil
                if let eq = body.firstIndex(of: "=") {
                    name = String(body[..<eq])
                    inline = String(body[body.index(after: eq)...])
                } else {
                    name = String(body)
                }
                guard let spec = byLong[name] else { return .failure(Problem(message: "unknown flag: --\(name)")) }
                if spec.takesValue {
                    if let inline {
                        parsed.values[spec.long, default: []].append(inline)
                    } else if index < words.count {
                        parsed.values[spec.long, default: []].append(words[index])
                        index += 1
                    } else {
                        return .failure(Problem(message: "flag needs an argument: --\(name)"))
                    }
                } else if let problem = setBool(spec, inline, shown: "--\(name)") {
                    return .failure(problem)
                }
                continue
            }
            if word.hasPrefix("-") && word.count > 1 {
                // A group of shorthands: booleans, then at most one that takes a value (the rest of the word or the next word).
                var rest = Substring(word.dropFirst())
                while let letter = rest.first {
                    rest = rest.dropFirst()
                    guard let spec = byShort[letter] else {
                        return .failure(Problem(message: "unknown shorthand flag: '\(letter)' in \(word)"))
                    }
                    if spec.takesValue {
                        var value = String(rest)
                        if value.hasPrefix("=") { value.removeFirst() }
                        if rest.isEmpty {
                            guard index < words.count else {
                                return .failure(Problem(message: "flag needs an argument: '\(letter)' in \(word)"))
                            }
                            value = words[index]
                            index += 1
                        }
                        parsed.values[spec.long, default: []].append(value)
                        break
                    }
                    if rest.hasPrefix("=") {
                        if let problem = setBool(spec, String(rest.dropFirst()), shown: "-\(letter)") { return .failure(problem) }
                        break
                    }
                    _ = setBool(spec, nil, shown: "-\(letter)")
                }
                continue
            }
            parsed.arguments.append(word)
        }
        return .success(parsed)
    }
}

/// Levenshtein distance, for cobra's "Did you mean this?" suggestions.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.lowercased())
    let b = Array(b.lowercased())
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
