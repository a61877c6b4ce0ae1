import ArgumentParser
import Foundation
import LessonKit
import Logging
import ProgressStore
import WebApp

extension KubeTutor {
    /// `kubetutor serve`: loads and renders every lesson, then serves them over HTTP until stopped.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract: "Serve the lessons in a browser (http://127.0.0.1:8080 by default).",
            discussion: """
                Every lesson in the lessons folder is checked and rendered once, at start-up. If a lesson \
                file is malformed, each problem is printed as file:line: what is wrong, and the server \
                does not start (exit code 1). Learners' progress is kept in one SQLite file (--db); it is \
                created, or brought up to date, at start-up.
                """
        )

        @Option(help: "The address to listen on. The default keeps the tutorial on this machine; 0.0.0.0 lets others connect.")
        var host = "127.0.0.1"

        @Option(help: "The TCP port to listen on.")
        var port = 8080

        @Option(name: .customLong("lessons"), help: ArgumentHelp("The folder of lesson files (*.md).", valueName: "dir"))
        var lessonsDirectory = "./Lessons"

        @Option(name: .customLong("public"), help: ArgumentHelp("The folder of static files (CSS, images) served at /public.", valueName: "dir"))
        var publicDirectory = "./Public"

        @Option(name: .customLong("db"), help: ArgumentHelp("The SQLite file that keeps learners' progress (created if missing).", valueName: "path"))
        var databasePath = SQLiteProgressStore.defaultPath

        @Option(
            name: .customLong("instructor-token"),
            help: ArgumentHelp(
                "The token that opens the instructor reports at /instructor (default: $KUBETUTOR_INSTRUCTOR_TOKEN, else a new one, printed as a sign-in link).",
                valueName: "token"))
        var instructorToken: String?

        /// The environment variable that gives the instructor token when `--instructor-token` does not.
        static let instructorTokenVariable = "KUBETUTOR_INSTRUCTOR_TOKEN"

        func validate() throws {
            if let instructorToken, instructorToken.count < InstructorAccess.minimumTokenLength {
                throw ValidationError("--instructor-token must have at least \(InstructorAccess.minimumTokenLength) characters")
            }
            guard (1...65535).contains(port) else {
                throw ValidationError("--port must be between 1 and 65535, got \(port)")
            }
            guard !host.isEmpty else {
                throw ValidationError("--host must not be empty")
            }
            guard !databasePath.isEmpty else {
                throw ValidationError("--db must not be empty")
            }
        }

        func run() async throws {
            let logger = Logger(label: "kubetutor")
            let environmentToken = ProcessInfo.processInfo.environment[Self.instructorTokenVariable].flatMap { $0.isEmpty ? nil : $0 }
            if instructorToken == nil, let environmentToken, environmentToken.count < InstructorAccess.minimumTokenLength {
                Self.printToStandardError([
                    "kubetutor: not starting: \(Self.instructorTokenVariable) must have at least \(InstructorAccess.minimumTokenLength) characters"
                ])
                throw ExitCode(2)
            }
            let givenToken = instructorToken ?? environmentToken
            let token = givenToken ?? InstructorAccess.generateToken()
            let settings = ServerSettings(
                host: host, port: port, lessonsDirectory: lessonsDirectory, publicDirectory: publicDirectory, instructorToken: token)
            do {
                // The lessons first: a course that does not load leaves no database behind.
                let site = try RenderedSite(settings, logger: logger)
                let store = try SQLiteProgressStore(path: databasePath)
                logger.info("Progress database open", metadata: ["db": "\(databasePath)", "schema": "\(SQLiteProgressStore.schemaVersion)"])
                let application = buildApplication(settings, site: site, store: store, logger: logger)
                if givenToken == nil {
                    // Printed once, to the terminal of whoever started the server; never logged.
                    Self.printSignInLink(host: host, port: port, token: token)
                }
                try await application.runService()
                try store.close()
            } catch let error as ProgressStoreError {
                Self.printToStandardError(["kubetutor: not starting: \(error.message)"])
                throw ExitCode(1)
            } catch let error as LessonError {
                Self.printToStandardError(error.problems.map(\.description) + ["kubetutor: not starting: fix the lesson files above"])
                throw ExitCode(1)
            } catch let error as WebAppError {
                Self.printToStandardError(["kubetutor: not starting: \(error)"])
                throw ExitCode(1)
            }
        }

        /// The instructor's sign-in link for a generated token. A server listening on every address is reached here at 127.0.0.1.
        private static func printSignInLink(host: String, port: Int, token: String) {
            let shownHost =
                switch host {
                case "0.0.0.0", "::", "[::]": "127.0.0.1"
                default: host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
                }
            let text = "Instructor sign-in (the token was generated for this run): http://\(shownHost):\(port)/instructor/login?token=\(token)\n"
            FileHandle.standardOutput.write(Data(text.utf8))
        }

        private static func printToStandardError(_ lines: [String]) {
            let text = lines.map { $0 + "\n" }.joined()
            FileHandle.standardError.write(Data(text.utf8))
        }
    }
}
