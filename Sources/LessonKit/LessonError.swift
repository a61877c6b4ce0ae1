/// One thing wrong with one lesson file, printed as `file:line: what is wrong`.
public struct LessonProblem: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Reason: Hashable {
        case unreadableFolder(detail: String)
        case unreadable(detail: String)
        case missingFrontMatter
        case unclosedFrontMatter
        case invalidYAML(detail: String)
        case frontMatterNotAMapping
        case missingField(String)
        case unknownField(String)
        case duplicateField(String)
        case notText(field: String)
        case emptyField(String)
        case invalidID(String)
        case notAWholeNumber(field: String, value: String)
        case outOfRange(field: String, value: Int, range: ClosedRange<Int>)
        case duplicateID(String, firstFile: String, firstLine: Int)
        case markdown(detail: String)
        case block(detail: String)
    }

    private let reason: Reason
    /// The lesson file, as the path it was loaded from (`Lessons/01-pod-network-namespace.md`).
    public let file: String
    /// The 1-based line in ``file`` (0 for a problem with the lessons folder itself).
    public let line: Int

    private init(_ reason: Reason, file: String, line: Int) {
        self.reason = reason
        self.file = file
        self.line = line
    }

    /// The lessons folder could not be listed; such a problem has no line (``line`` is 0).
    public static func unreadableFolder(_ detail: String, folder: String) -> Self {
        .init(.unreadableFolder(detail: detail), file: folder, line: 0)
    }

    /// The file could not be read (missing, a folder, not UTF-8, ...).
    public static func unreadable(_ detail: String, file: String) -> Self {
        .init(.unreadable(detail: detail), file: file, line: 1)
    }

    /// The file does not start with a `---` line.
    public static func missingFrontMatter(file: String) -> Self {
        .init(.missingFrontMatter, file: file, line: 1)
    }

    /// The front matter has no closing `---` line.
    public static func unclosedFrontMatter(file: String) -> Self {
        .init(.unclosedFrontMatter, file: file, line: 1)
    }

    /// The front matter is not valid YAML; `detail` is the YAML parser's explanation.
    public static func invalidYAML(_ detail: String, file: String, line: Int) -> Self {
        .init(.invalidYAML(detail: detail), file: file, line: line)
    }

    /// The front matter is YAML but not a mapping of fields.
    public static func frontMatterNotAMapping(file: String, line: Int) -> Self {
        .init(.frontMatterNotAMapping, file: file, line: line)
    }

    /// A required front matter field is absent (reported at the opening `---`).
    public static func missingField(_ field: String, file: String, line: Int) -> Self {
        .init(.missingField(field), file: file, line: line)
    }

    /// A front matter field this version does not know, usually a typo.
    public static func unknownField(_ field: String, file: String, line: Int) -> Self {
        .init(.unknownField(field), file: file, line: line)
    }

    /// A front matter field given twice.
    public static func duplicateField(_ field: String, file: String, line: Int) -> Self {
        .init(.duplicateField(field), file: file, line: line)
    }

    /// A field that must be text is a list or a mapping.
    public static func notText(field: String, file: String, line: Int) -> Self {
        .init(.notText(field: field), file: file, line: line)
    }

    /// A field that must have a value is empty.
    public static func emptyField(_ field: String, file: String, line: Int) -> Self {
        .init(.emptyField(field), file: file, line: line)
    }

    /// The `id` is not a lowercase slug.
    public static func invalidID(_ id: String, file: String, line: Int) -> Self {
        .init(.invalidID(id), file: file, line: line)
    }

    /// A numeric field holds something else.
    public static func notAWholeNumber(field: String, value: String, file: String, line: Int) -> Self {
        .init(.notAWholeNumber(field: field, value: value), file: file, line: line)
    }

    /// A numeric field is outside its range.
    public static func outOfRange(field: String, value: Int, range: ClosedRange<Int>, file: String, line: Int) -> Self {
        .init(.outOfRange(field: field, value: value, range: range), file: file, line: line)
    }

    /// Two lesson files use the same `id`; reported at the second one.
    public static func duplicateID(_ id: String, firstFile: String, firstLine: Int, file: String, line: Int) -> Self {
        .init(.duplicateID(id, firstFile: firstFile, firstLine: firstLine), file: file, line: line)
    }

    /// The Markdown body could not be parsed.
    public static func markdown(_ detail: String, file: String, line: Int) -> Self {
        .init(.markdown(detail: detail), file: file, line: line)
    }

    /// An `exercise` or `quiz` block is malformed, or the course verifier found it wrong.
    public static func block(_ detail: String, file: String, line: Int) -> Self {
        .init(.block(detail: detail), file: file, line: line)
    }

    /// What is wrong, in a sentence, without the location.
    public var message: String {
        switch reason {
        case .unreadableFolder(let detail):
            return "cannot list the lessons folder: \(detail)"
        case .unreadable(let detail):
            return "cannot read the lesson file: \(detail)"
        case .missingFrontMatter:
            return "missing front matter: a lesson starts with a line \"---\", then the fields "
                + FrontMatter.fieldList + ", then a line \"---\""
        case .unclosedFrontMatter:
            return "front matter is not closed: add a line \"---\" after its last field"
        case .invalidYAML(let detail):
            return "front matter is not valid YAML: \(detail)"
        case .frontMatterNotAMapping:
            return "front matter must be fields, one per line (\"title: ...\"), with " + FrontMatter.fieldList
        case .missingField(let field):
            return "front matter: missing field \"\(field)\""
        case .unknownField(let field):
            return "front matter: unknown field \"\(field)\" (the fields are " + FrontMatter.fieldList + ")"
        case .duplicateField(let field):
            return "front matter: field \"\(field)\" is given more than once"
        case .notText(let field):
            return "front matter: \"\(field)\" must be text, not a list or a mapping"
        case .emptyField(let field):
            return "front matter: \"\(field)\" must not be empty"
        case .invalidID(let id):
            return "front matter: \"id\" must be lowercase letters and digits joined by single hyphens, "
                + "at most \(FrontMatter.idLengthLimit) characters (e.g. \"pod-network-namespace\"), got \"\(id)\""
        case .notAWholeNumber(let field, let value):
            return "front matter: \"\(field)\" must be a whole number, got \"\(value)\""
        case .outOfRange(let field, let value, let range):
            return "front matter: \"\(field)\" must be between \(range.lowerBound) and \(range.upperBound), got \(value)"
        case .duplicateID(let id, let firstFile, let firstLine):
            return "duplicate lesson id \"\(id)\": \(firstFile):\(firstLine) already uses it"
        case .markdown(let detail):
            return detail
        case .block(let detail):
            return detail
        }
    }

    /// `file:line: message` (`folder: message` for a problem with the folder itself).
    public var description: String {
        line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)"
    }
}

/// Why lessons could not be loaded: every problem found, each one `file:line: what is wrong`.
public struct LessonError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The problems, in file order and then line order.
    public let problems: [LessonProblem]

    /// Wraps the problems found.
    public init(problems: [LessonProblem]) {
        self.problems = problems
    }

    /// One problem per line.
    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}
