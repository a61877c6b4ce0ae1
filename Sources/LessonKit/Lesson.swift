/// One lesson: its front matter, its Markdown body and the HTML rendered from it once, at load time.
public struct Lesson: Sendable, Hashable, Identifiable {
    /// The lesson's id, used in its URL (`/lessons/<id>`): lowercase letters and digits joined by hyphens.
    public let id: String
    /// The title shown in lists and as the page heading.
    public let title: String
    /// Where the lesson comes in the course; lower first.
    public let order: Int
    /// One or two sentences for the lesson list.
    public let summary: String
    /// About how long the lesson takes, in minutes.
    public let minutes: Int
    /// The file the lesson was loaded from, as given to the loader (`Lessons/01-pod-network-namespace.md`).
    public let file: String
    /// The line of the `id` field in ``file``.
    public let idLine: Int
    /// The Markdown body; block lines are lines of ``file``.
    public let body: MarkdownDocument
    /// The body rendered to HTML, with its headings. Each exercise and quiz block appears in it as a
    /// marker (``Lesson/marker(forExercise:)``) that the page fills in.
    public let rendered: RenderedMarkdown
    /// The exercises, in page order.
    public let exercises: [Exercise]
    /// The quiz questions, in page order.
    public let quizzes: [Quiz]

    /// The exercise with this id.
    public func exercise(withID id: String) -> Exercise? { exercises.first { $0.id == id } }
    /// The quiz question with this id.
    public func quiz(withID id: String) -> Quiz? { quizzes.first { $0.id == id } }

    /// The text standing in the rendered HTML where an exercise goes.
    public static func marker(forExercise id: String) -> String { "<!--kubetutor:exercise:\(id)-->" }
    /// The text standing in the rendered HTML where a quiz question goes.
    public static func marker(forQuiz id: String) -> String { "<!--kubetutor:quiz:\(id)-->" }
}

/// The lessons of a course, in order, each id used once.
public struct LessonCatalog: Sendable, Hashable {
    /// The lessons sorted by `order`, then by `id`.
    public let lessons: [Lesson]

    /// Sorts the lessons and checks that no id is used twice.
    /// - Throws: ``LessonError`` with one ``LessonProblem/duplicateID(_:firstFile:firstLine:file:line:)`` per repeat.
    public init(_ lessons: [Lesson]) throws(LessonError) {
        var firstUse: [String: Lesson] = [:]
        var problems: [LessonProblem] = []
        // Files are checked in path order so the report is stable and names the earlier file as the first use.
        for lesson in lessons.sorted(by: { ($0.file, $0.idLine) < ($1.file, $1.idLine) }) {
            if let first = firstUse[lesson.id] {
                problems.append(.duplicateID(lesson.id, firstFile: first.file, firstLine: first.idLine, file: lesson.file, line: lesson.idLine))
            } else {
                firstUse[lesson.id] = lesson
            }
        }
        guard problems.isEmpty else {
            throw LessonError(problems: problems)
        }
        self.lessons = lessons.sorted { ($0.order, $0.id) < ($1.order, $1.id) }
    }

    /// The lesson with this id, if there is one.
    public func lesson(withID id: String) -> Lesson? {
        lessons.first { $0.id == id }
    }

    /// The lesson before this one in course order.
    public func lesson(before lesson: Lesson) -> Lesson? {
        guard let index = lessons.firstIndex(where: { $0.id == lesson.id }), index > lessons.startIndex else {
            return nil
        }
        return lessons[index - 1]
    }

    /// The lesson after this one in course order.
    public func lesson(after lesson: Lesson) -> Lesson? {
        guard let index = lessons.firstIndex(where: { $0.id == lesson.id }), index + 1 < lessons.endIndex else {
            return nil
        }
        return lessons[index + 1]
    }
}

extension MarkdownDocument {
    /// The same document with every block line moved by `offset` (body lines become file lines).
    func shiftingLines(by offset: Int) -> MarkdownDocument {
        MarkdownDocument(blocks: blocks.map { $0.shiftingLines(by: offset) })
    }
}

extension MarkdownBlock {
    fileprivate func shiftingLines(by offset: Int) -> MarkdownBlock {
        let content: Content
        switch self.content {
        case .blockQuote(let children):
            content = .blockQuote(children.map { $0.shiftingLines(by: offset) })
        case .list(var list):
            list.items = list.items.map { item in item.map { $0.shiftingLines(by: offset) } }
            content = .list(list)
        default:
            content = self.content
        }
        return MarkdownBlock(content, line: line + offset)
    }
}
