import ClusterSim
import Foundation

/// Proves a course is right: every solution passes every check, every starter fails one, every
/// wrong answer fails the check it names, `given` manifests are valid, quiz answers are among the
/// choices, each lesson has enough exercises and questions, and links and images resolve.
public struct CourseVerifier: Sendable {
    /// Fewest exercises a lesson may have.
    public var minimumExercises: Int
    /// Fewest quiz questions a lesson may have.
    public var minimumQuizzes: Int
    /// The static files folder, for `/public/...` links and images (nil: not checked).
    public var publicDirectory: String?

    /// Creates a verifier with the course's standards (2 exercises, 3 questions per lesson).
    public init(minimumExercises: Int = 2, minimumQuizzes: Int = 3, publicDirectory: String? = nil) {
        self.minimumExercises = minimumExercises
        self.minimumQuizzes = minimumQuizzes
        self.publicDirectory = publicDirectory
    }

    /// Every problem found, as `file:line: what is wrong`.
    public func verify(_ catalog: LessonCatalog) -> [LessonProblem] {
        var problems: [LessonProblem] = []
        let grader = ExerciseGrader()
        for lesson in catalog.lessons {
            let file = lesson.file
            if lesson.exercises.count < minimumExercises {
                problems.append(.block("the lesson has \(lesson.exercises.count) exercise\(lesson.exercises.count == 1 ? "" : "s"); each lesson needs at least \(minimumExercises)", file: file, line: lesson.idLine))
            }
            if lesson.quizzes.count < minimumQuizzes {
                problems.append(.block("the lesson has \(lesson.quizzes.count) quiz question\(lesson.quizzes.count == 1 ? "" : "s"); each lesson needs at least \(minimumQuizzes)", file: file, line: lesson.idLine))
            }
            for exercise in lesson.exercises {
                let what = "exercise \"\(exercise.id)\""
                if !exercise.given.isEmpty {
                    let given = ClusterSimBridge.errors(in: exercise.given, fileName: ExerciseGrader.givenFile)
                    if let first = given.first {
                        problems.append(.block("\(what): `given` has an error: line \(first.line): \(first.message)", file: file, line: exercise.line))
                    }
                }
                let solution = grader.grade(exercise, answer: exercise.solution)
                for check in solution.checks where !check.passed {
                    problems.append(.block("\(what): the solution fails check \"\(check.name)\": \(check.message)", file: file, line: exercise.line))
                }
                if grader.grade(exercise, answer: exercise.starter).passed {
                    problems.append(.block("\(what): the starter already passes every check; it must fail at least one", file: file, line: exercise.line))
                }
                for wrong in exercise.wrong {
                    let result = grader.grade(exercise, answer: wrong.yaml)
                    if result.checks.first(where: { $0.name == wrong.fails })?.passed != false {
                        let failing = result.checks.filter { !$0.passed }.map(\.name)
                        problems.append(
                            .block(
                                "\(what): the wrong answer should fail check \"\(wrong.fails)\" but \(failing.isEmpty ? "passes every check" : "fails only \(failing.map { "\"\($0)\"" }.joined(separator: ", "))")",
                                file: file, line: wrong.line))
                    }
                }
            }
            problems += links(in: lesson.body.blocks, lesson: lesson, catalog: catalog)
        }
        return problems
    }

    private func links(in blocks: [MarkdownBlock], lesson: Lesson, catalog: LessonCatalog) -> [LessonProblem] {
        var problems: [LessonProblem] = []
        let anchors = Set(lesson.rendered.headings.map(\.anchor))
        func check(_ destination: String, line: Int, isImage: Bool) {
            var target = destination
            var fragment: String?
            if let hash = target.firstIndex(of: "#") {
                fragment = String(target[target.index(after: hash)...])
                target = String(target[..<hash])
            }
            if target.isEmpty, let fragment {
                if !anchors.contains(fragment) && !fragment.hasPrefix("exercise-") && !fragment.hasPrefix("quiz-") {
                    problems.append(.block("the link #\(fragment) names no heading of this lesson", file: lesson.file, line: line))
                }
            } else if target.hasPrefix("/lessons/") {
                let id = String(target.dropFirst("/lessons/".count))
                if catalog.lesson(withID: id) == nil {
                    problems.append(.block("the link \(destination) names no lesson (no lesson has the id \"\(id)\")", file: lesson.file, line: line))
                }
            } else if target.hasPrefix("/public/") {
                if let publicDirectory {
                    let path = publicDirectory + "/" + target.dropFirst("/public/".count)
                    if !FileManager.default.fileExists(atPath: path) {
                        problems.append(.block("\(isImage ? "the image" : "the link") \(destination) does not exist (no file \(path))", file: lesson.file, line: line))
                    }
                }
            } else if !(target.hasPrefix("http://") || target.hasPrefix("https://") || target.hasPrefix("mailto:") || target == "/") {
                problems.append(.block("\(isImage ? "the image" : "the link") \(destination) must start with /lessons/, /public/, # or http(s)://", file: lesson.file, line: line))
            }
        }
        func walk(_ inlines: [MarkdownInline], line: Int) {
            for inline in inlines {
                switch inline {
                case .link(let destination, _, let children):
                    check(destination, line: line, isImage: false)
                    walk(children, line: line)
                case .image(let source, _, _):
                    check(source, line: line, isImage: true)
                case .emphasis(let children), .strong(let children):
                    walk(children, line: line)
                default:
                    break
                }
            }
        }
        for block in blocks {
            switch block.content {
            case .paragraph(let inlines), .heading(_, let inlines): walk(inlines, line: block.line)
            case .blockQuote(let children): problems += links(in: children, lesson: lesson, catalog: catalog)
            case .list(let list): for item in list.items { problems += links(in: item, lesson: lesson, catalog: catalog) }
            default: break
            }
        }
        return problems
    }
}

/// The checker, seen from the verifier.
enum ClusterSimBridge {
    static func errors(in yaml: String, fileName: String) -> [Diagnostic] {
        ManifestChecker().checkAndSimulate(files: [(fileName, Array(yaml.utf8))]).report.diagnostics.filter { $0.severity == .error }
    }
}
