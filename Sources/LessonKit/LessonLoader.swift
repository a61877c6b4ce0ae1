import Foundation

/// Reads lesson files (front matter + Markdown) into ``Lesson`` values and a ``LessonCatalog``.
///
/// A lesson file looks like this:
///
/// ```
/// ---
/// id: pod-network-namespace
/// title: Containers in a Pod share one network namespace
/// order: 1
/// summary: Why two containers of one Pod reach each other on localhost.
/// minutes: 10
/// ---
/// ## The question
/// ...
/// ```
public struct LessonLoader: Sendable {
    /// Renders each lesson body once, when it is loaded.
    public var renderer: HTMLRenderer

    /// Creates a loader; pass a renderer whose `reservedAnchors` lists the ids the page layout uses.
    public init(renderer: HTMLRenderer = HTMLRenderer()) {
        self.renderer = renderer
    }

    /// Loads every `*.md` file directly inside `directory` (except `README.md`) and builds the catalog.
    ///
    /// - Parameter directory: the lessons folder; problem reports name files as `directory/name.md`.
    /// - Throws: ``LessonError`` listing every problem in every file, each as `file:line: what is wrong`.
    public func loadCatalog(fromDirectory directory: String) throws(LessonError) -> LessonCatalog {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            let detail = FileManager.default.fileExists(atPath: directory) ? "not a readable folder" : "no such folder"
            throw LessonError(problems: [.unreadableFolder(detail, folder: directory)])
        }
        let lessonNames = names.filter { $0.hasSuffix(".md") && $0 != "README.md" && !$0.hasPrefix(".") }.sorted()
        var lessons: [Lesson] = []
        var problems: [LessonProblem] = []
        for name in lessonNames {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            do {
                lessons.append(try loadLesson(atPath: path))
            } catch {
                problems += error.problems
            }
        }
        // Duplicate ids among the files that did parse are reported in the same run as the broken files.
        var catalog: LessonCatalog?
        do {
            catalog = try LessonCatalog(lessons)
        } catch {
            problems += error.problems
        }
        guard problems.isEmpty, let catalog else {
            throw LessonError(problems: problems.sorted { ($0.file, $0.line) < ($1.file, $1.line) })
        }
        return catalog
    }

    /// Loads one lesson file.
    /// - Throws: ``LessonError`` with the file's problems.
    public func loadLesson(atPath path: String) throws(LessonError) -> Lesson {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw LessonError(problems: [.unreadable("the file cannot be opened", file: path)])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LessonError(problems: [.unreadable("the file is not UTF-8 text", file: path)])
        }
        return try parseLesson(text, file: path)
    }

    /// Parses a lesson from its text.
    /// - Parameters:
    ///   - text: the whole lesson file.
    ///   - file: the name to use in problem reports and in ``Lesson/file``.
    /// - Throws: ``LessonError`` with every problem found in the front matter, or the Markdown parser's failure.
    public func parseLesson(_ text: String, file: String) throws(LessonError) -> Lesson {
        let sections: LessonFileSections
        do {
            sections = try LessonFileSections(text: text, file: file)
        } catch {
            throw LessonError(problems: [error])
        }
        let frontMatter = try FrontMatter.parse(sections, file: file).get()
        let body: MarkdownDocument
        do {
            body = try MarkdownDocument(parsing: sections.body).shiftingLines(by: sections.bodyFirstLine - 1)
        } catch {
            throw LessonError(problems: [.markdown(error.message, file: file, line: error.line + sections.bodyFirstLine - 1)])
        }
        let parser = InteractiveBlockParser(file: file)
        var exercises: [Exercise] = []
        var quizzes: [Quiz] = []
        var problems: [LessonProblem] = []
        for block in body.blocks {
            guard case .codeBlock(let info, let code) = block.content else { continue }
            do {
                switch info.trimmingCharacters(in: .whitespaces) {
                case "exercise": exercises.append(try parser.exercise(code, blockLine: block.line))
                case "quiz": quizzes.append(try parser.quiz(code, blockLine: block.line))
                default: break
                }
            } catch {
                problems.append(error)
            }
        }
        var ids: [String: Int] = [:]
        for (id, line) in exercises.map({ ($0.id, $0.line) }) + quizzes.map({ ($0.id, $0.line) }) {
            if let first = ids[id] {
                problems.append(.block("the id \"\(id)\" is used twice in this lesson (first at line \(first))", file: file, line: line))
            } else {
                ids[id] = line
            }
        }
        guard problems.isEmpty else { throw LessonError(problems: problems) }
        return Lesson(
            id: frontMatter.id,
            title: frontMatter.title,
            order: frontMatter.order,
            summary: frontMatter.summary,
            minutes: frontMatter.minutes,
            file: file,
            idLine: frontMatter.idLine,
            body: body,
            rendered: renderer.render(body),
            exercises: exercises,
            quizzes: quizzes
        )
    }
}
