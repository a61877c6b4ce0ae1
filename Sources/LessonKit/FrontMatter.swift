internal import Yams

/// The fields between the two `---` lines at the top of a lesson file.
struct FrontMatter {
    /// The fields a lesson must give, in the order they are written.
    static let fieldNames = ["id", "title", "order", "summary", "minutes"]
    /// The field names as a sentence fragment, for messages.
    static let fieldList = "id, title, order, summary and minutes"
    /// An id is used in URLs (`/lessons/<id>`); it follows the DNS-label shape learners already know.
    static let idLengthLimit = 63
    static let orderRange = 1...9999
    static let minutesRange = 1...240

    var id: String
    var title: String
    var order: Int
    var summary: String
    var minutes: Int
    /// The file line of the `id` value, where a duplicate id is reported.
    var idLine: Int
}

/// A lesson file cut into its front matter and its Markdown body.
struct LessonFileSections {
    /// The YAML text between the `---` lines.
    var yaml: String
    /// The file line of the first YAML line (always 2).
    var yamlFirstLine: Int
    /// The Markdown after the closing `---`.
    var body: String
    /// The file line of the first body line.
    var bodyFirstLine: Int

    /// Cuts a lesson file at its `---` lines.
    init(text: String, file: String) throws(LessonProblem) {
        // "\r\n" is a single Character in Swift, so both line endings are separators here.
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        if let first = lines.first, first.hasPrefix("\u{FEFF}") {
            lines[0] = first.dropFirst()
        }
        guard let opening = lines.first, Self.isDelimiter(opening) else {
            throw LessonProblem.missingFrontMatter(file: file)
        }
        guard let closing = lines.indices.dropFirst().first(where: { Self.isDelimiter(lines[$0]) }) else {
            throw LessonProblem.unclosedFrontMatter(file: file)
        }
        yaml = lines[1..<closing].joined(separator: "\n")
        yamlFirstLine = 2
        body = lines[(closing + 1)...].joined(separator: "\n")
        bodyFirstLine = closing + 2
    }

    private static func isDelimiter(_ line: Substring) -> Bool {
        line.trimmingWhitespace() == "---"
    }
}

extension FrontMatter {
    /// Reads and checks the fields; every problem found is returned, not only the first.
    static func parse(_ sections: LessonFileSections, file: String) -> Result<FrontMatter, LessonError> {
        var reader = FieldReader(file: file, lineOffset: sections.yamlFirstLine - 1)
        let root: Node?
        do {
            root = try Yams.compose(yaml: sections.yaml)
        } catch {
            return .failure(LessonError(problems: reader.problems(for: error)))
        }
        guard let root else {
            return .failure(LessonError(problems: fieldNames.map { .missingField($0, file: file, line: 1) }))
        }
        guard let mapping = root.mapping else {
            return .failure(LessonError(problems: [.frontMatterNotAMapping(file: file, line: reader.line(of: root))]))
        }
        var values: [String: Node] = [:]
        for (key, value) in mapping {
            let name = key.scalar?.string ?? "?"
            guard fieldNames.contains(name) else {
                reader.report(.unknownField(name, file: file, line: reader.line(of: key)))
                continue
            }
            values[name] = value
        }
        let id = reader.text("id", in: values)
        let title = reader.text("title", in: values)
        let order = reader.number("order", in: values, range: orderRange)
        let summary = reader.text("summary", in: values)
        let minutes = reader.number("minutes", in: values, range: minutesRange)
        if let id, !isValidID(id), let node = values["id"] {
            reader.report(.invalidID(id, file: file, line: reader.line(of: node)))
        }
        guard reader.found.isEmpty, let id, let title, let order, let summary, let minutes else {
            return .failure(LessonError(problems: reader.found.sorted { $0.line < $1.line }))
        }
        let idLine = values["id"].map { reader.line(of: $0) } ?? 1
        return .success(FrontMatter(id: id, title: title, order: order, summary: summary, minutes: minutes, idLine: idLine))
    }

    /// Lowercase letters and digits joined by single hyphens: `pod-network-namespace`.
    static func isValidID(_ id: String) -> Bool {
        guard !id.isEmpty, id.count <= idLengthLimit, !id.hasPrefix("-"), !id.hasSuffix("-"), !id.contains("--") else {
            return false
        }
        return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}

/// Reads typed values out of the YAML nodes and collects the problems met on the way.
private struct FieldReader {
    let file: String
    /// Added to a YAML line to get the file line.
    let lineOffset: Int
    var found: [LessonProblem] = []

    init(file: String, lineOffset: Int) {
        self.file = file
        self.lineOffset = lineOffset
    }

    mutating func report(_ problem: LessonProblem) {
        found.append(problem)
    }

    func line(of node: Node) -> Int {
        (node.mark?.line ?? 1) + lineOffset
    }

    /// A required, non-empty text field.
    mutating func text(_ name: String, in values: [String: Node]) -> String? {
        guard let node = values[name] else {
            report(.missingField(name, file: file, line: 1))
            return nil
        }
        guard let scalar = node.scalar else {
            report(.notText(field: name, file: file, line: line(of: node)))
            return nil
        }
        let value = scalar.string.trimmingWhitespace()
        guard !value.isEmpty, node.null == nil || scalar.style != .plain else {
            report(.emptyField(name, file: file, line: line(of: node)))
            return nil
        }
        return value
    }

    /// A required whole number within `range`.
    mutating func number(_ name: String, in values: [String: Node], range: ClosedRange<Int>) -> Int? {
        guard let node = values[name] else {
            report(.missingField(name, file: file, line: 1))
            return nil
        }
        guard let scalar = node.scalar else {
            report(.notText(field: name, file: file, line: line(of: node)))
            return nil
        }
        guard let value = Int(scalar.string.trimmingWhitespace()) else {
            report(.notAWholeNumber(field: name, value: scalar.string, file: file, line: line(of: node)))
            return nil
        }
        guard range.contains(value) else {
            report(.outOfRange(field: name, value: value, range: range, file: file, line: line(of: node)))
            return nil
        }
        return value
    }

    /// Turns a Yams parse error into problems located in the lesson file.
    func problems(for error: any Error) -> [LessonProblem] {
        guard let yamlError = error as? YamlError else {
            return [.invalidYAML("\(error)", file: file, line: 1 + lineOffset)]
        }
        switch yamlError {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return [.invalidYAML(problem, file: file, line: mark.line + lineOffset)]
        case .duplicatedKeysInMapping(let duplicates, let context):
            return duplicates.map { .duplicateField($0, file: file, line: context.mark.line + lineOffset) }
        case .reader(let problem, _, _, _):
            return [.invalidYAML(problem, file: file, line: 1 + lineOffset)]
        default:
            return [.invalidYAML(yamlError.description, file: file, line: 1 + lineOffset)]
        }
    }
}
