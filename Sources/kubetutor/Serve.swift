import ArgumentParser
import Foundation
import LessonKit
import Logging
import WebApp

extension KubeTutor {
    /// `kubetutor serve`: loads and renders every lesson, then serves them over HTTP until stopped.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the lessons in a browser (http://127.0.0.1:8080 by default).",
            discussion: """
                Every lesson in the lessons folder is checked and rendered once, at start-up. If a lesson \
                file is malformed, each problem is printed as file:line: what is wrong, and the server \
                does not start (exit code 1).
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

        func validate() throws {
            guard (1...65535).contains(port) else {
                throw ValidationError("--port must be between 1 and 65535, got \(port)")
            }
            guard !host.isEmpty else {
                throw ValidationError("--host must not be empty")
            }
        }

        func run() async throws {
            let logger = Logger(label: "kubetutor")
            let settings = ServerSettings(host: host, port: port, lessonsDirectory: lessonsDirectory, publicDirectory: publicDirectory)
            do {
                let application = try buildApplication(settings, logger: logger)
                try await application.runService()
            } catch let error as LessonError {
                Self.printToStandardError(error.problems.map(\.description) + ["kubetutor: not starting: fix the lesson files above"])
                throw ExitCode(1)
            } catch let error as WebAppError {
                Self.printToStandardError(["kubetutor: not starting: \(error)"])
                throw ExitCode(1)
            }
        }

        private static func printToStandardError(_ lines: [String]) {
            let text = lines.map { $0 + "\n" }.joined()
            FileHandle.standardError.write(Data(text.utf8))
        }
    }
}
