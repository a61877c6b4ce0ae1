import ArgumentParser
import Foundation
import LessonKit
import ProgressStore

extension KubeTutor {
    /// `kubetutor quiz`: the lessons, quiz questions and exercises in a terminal, with progress in SQLite.
    struct QuizMode: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "quiz",
            abstract: "Work through the lessons offline in a terminal: read, answer, solve exercises.",
            discussion: """
                Shows a menu of the lessons with your progress, then takes you through a lesson page \
                by page: its text, its quiz questions (answer with a number key; the explanation \
                follows each answer) and its exercises. Each exercise's starter YAML is written to \
                ./kubetutor-work/<lesson>/<exercise>.yaml; edit it (EDITOR is opened when set) and \
                save: the file is checked every time it is saved, with each check, the problems by \
                line and column, and what to do next. Every answer and attempt is saved at once, so \
                you can quit at any moment and pick up where you left off.

                Keys: Enter/n next, p previous, 1-9 answer (or open a lesson at the menu), \
                c check now, h next hint, s solution (after passing, or after giving up), \
                k kubectl prompt on the exercise's cluster, e open EDITOR, m menu, ? help, \
                q or Ctrl-C quit.

                Line protocol: when standard input is not a terminal, the same commands are read \
                one per line: an empty line or n (next), p, a number, c, h, s (then y to give up), \
                k COMMAND (one kubectl command, e.g. "k get pods -o wide"; k alone reads kubectl \
                commands until an empty line), e, m, ? and q. Between lines the exercise file is \
                watched as on a terminal. The end of input quits as q does. Output is plain text \
                (no escapes) when standard output is not a terminal; NO_COLOR turns colour off.
                """
        )

        @Option(name: .long, help: ArgumentHelp("Your handle in the progress database.", valueName: "name"))
        var learner: String?

        @Option(name: .customLong("db"), help: ArgumentHelp("The SQLite progress file (default ~/.kubetutor/progress.db).", valueName: "path"))
        var databasePath: String?

        @Option(name: .long, help: ArgumentHelp("Open this lesson at once instead of the menu.", valueName: "id"))
        var lesson: String?

        @Option(name: .customLong("lessons"), help: ArgumentHelp("The folder of lesson files (*.md).", valueName: "dir"))
        var lessonsDirectory = "Lessons"

        /// The handle used when --learner is not given: the user name, cut to what a handle allows.
        static func defaultHandle(environment: [String: String]) -> String {
            let name = environment["USER"] ?? environment["LOGNAME"] ?? NSUserName()
            let allowed = name.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)) }
            let handle = String(String.UnicodeScalarView(allowed).prefix(HandleFormat.maximumLength))
            return handle.isEmpty ? "learner" : handle
        }

        func validate() throws {
            if let learner, !HandleFormat.isValid(learner) {
                throw ValidationError("--learner must be 1 to \(HandleFormat.maximumLength) letters, digits, “-”, “_” or “.”, not \(learner.debugDescription).")
            }
            if databasePath?.isEmpty == true { throw ValidationError("--db must not be empty.") }
        }

        func run() async throws {
            let environment = ProcessInfo.processInfo.environment
            let catalog: LessonCatalog
            do {
                catalog = try LessonLoader().loadCatalog(fromDirectory: lessonsDirectory)
            } catch {
                Self.fail(error.description + "\nkubetutor quiz: cannot read the lessons in \(lessonsDirectory) (use --lessons DIR)", status: 2)
            }
            guard !catalog.lessons.isEmpty else { Self.fail("kubetutor quiz: no lessons in \(lessonsDirectory) (use --lessons DIR)", status: 2) }
            if let lesson, catalog.lesson(withID: lesson) == nil {
                Self.fail("kubetutor quiz: no lesson \(lesson.debugDescription); the lessons are \(catalog.lessons.map(\.id).joined(separator: ", "))", status: 2)
            }

            let path = databasePath ?? (NSHomeDirectory() + "/.kubetutor/progress.db")
            let handle = learner ?? Self.defaultHandle(environment: environment)
            let store: SQLiteProgressStore
            let person: Learner
            do {
                let folder = (path as NSString).deletingLastPathComponent
                if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
                store = try SQLiteProgressStore(path: path)
                if let existing = try await store.learner(handle: handle) {
                    person = existing
                } else {
                    person = try await store.createLearner(handle: handle, displayName: handle)
                }
            } catch let error as ProgressStoreError {
                Self.fail("kubetutor quiz: \(error.message)", status: 1)
            } catch {
                Self.fail("kubetutor quiz: cannot create the folder for \(path): \(error.localizedDescription)", status: 1)
            }

            let console = QuizConsole()
            let editor = environment["EDITOR"].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
            let session = try await QuizSession(
                catalog: catalog, store: store, learner: person, databasePath: path, console: console,
                renderer: TerminalRenderer.forStandardOutput(environment: environment), editor: editor)
            try await session.loadLastActivity()
            console.start()
            let stoppedBy: Int32?
            do {
                stoppedBy = try await session.run(startingAt: lesson)
            } catch let error as ProgressStoreError {
                console.finish()
                Self.fail("kubetutor quiz: \(error.message)", status: 1)
            } catch {
                console.finish()
                throw error
            }
            console.finish()
            try? store.close()
            if let stoppedBy { throw ExitCode(128 + stoppedBy) }
        }

        private static func fail(_ message: String, status: Int32) -> Never {
            FileHandle.standardError.write(Data((message + "\n").utf8))
            Foundation.exit(status)
        }
    }
}
