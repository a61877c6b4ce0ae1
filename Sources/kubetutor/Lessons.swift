import ArgumentParser
import ClusterSim
import Foundation
import LessonKit

extension KubeTutor {
    /// `kubetutor lessons`: lists the course, and with `--verify` proves it right.
    struct Lessons: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lessons",
            abstract: "List the lessons, or verify the whole course.",
            discussion: """
                Lists the lessons in the lessons folder with their exercises and quiz questions.

                With --verify, proves the course is right: every exercise's solution passes every \
                check, every starter fails at least one, every sample wrong answer fails the check \
                it names, `given` manifests are valid, quiz answers are among the choices, ids are \
                unique, each lesson has at least 2 exercises and 3 questions, and links and images \
                resolve. Problems print as file:line: what is wrong.

                Exit status: 0 fine, 1 the course has problems, 2 usage or unreadable lessons.
                """
        )

        @Option(name: .long, help: "The lessons folder.")
        var lessons: String = "Lessons"

        @Option(name: .long, help: "The static files folder, to check /public/ links and images.")
        var `public`: String = "Public"

        @Option(name: .long, help: "Output format: text or json.")
        var format: Check.Format = .text

        @Flag(name: .long, help: "Verify every exercise, quiz, link and image of the course.")
        var verify = false

        func run() async throws {
            let catalog: LessonCatalog
            do {
                catalog = try LessonLoader().loadCatalog(fromDirectory: lessons)
            } catch {
                FileHandle.standardError.write(Data((error.description + "\n").utf8))
                throw ExitCode(2)
            }
            if verify {
                let publicDirectory = FileManager.default.fileExists(atPath: `public`) ? `public` : nil
                let problems = CourseVerifier(publicDirectory: publicDirectory).verify(catalog)
                let exercises = catalog.lessons.reduce(0) { $0 + $1.exercises.count }
                let quizzes = catalog.lessons.reduce(0) { $0 + $1.quizzes.count }
                for problem in problems { print(problem.description) }
                print("\(catalog.lessons.count) lessons, \(exercises) exercises, \(quizzes) quiz questions: \(problems.isEmpty ? "verified" : "\(problems.count) problem\(problems.count == 1 ? "" : "s")")")
                if !problems.isEmpty { throw ExitCode(1) }
                return
            }
            switch format {
            case .json:
                let items = catalog.lessons.map { lesson in
                    "{\"id\":\(JSONText.quote(lesson.id)),\"title\":\(JSONText.quote(lesson.title)),\"order\":\(lesson.order),"
                        + "\"exercises\":[\(lesson.exercises.map { JSONText.quote($0.id) }.joined(separator: ","))],"
                        + "\"quiz\":[\(lesson.quizzes.map { JSONText.quote($0.id) }.joined(separator: ","))]}"
                }
                print("[" + items.joined(separator: ",") + "]")
            case .text:
                for lesson in catalog.lessons {
                    print("\(String(lesson.order).leftPadded(to: 2)). \(lesson.title) (\(lesson.id), \(lesson.minutes) min): \(lesson.exercises.count) exercises, \(lesson.quizzes.count) questions")
                }
            }
        }
    }
}
