import ArgumentParser
import Foundation

/// The `kubetutor` command: the lesson server and the offline tools that share its simulated cluster.
@main
struct KubeTutor: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kubetutor",
        abstract: "An offline, interactive tutorial for Kubernetes networking.",
        discussion: """
            Serve the lessons in a browser, or check Kubernetes YAML against a simulated \
            cluster that answers the way a real API server would.
            """,
        subcommands: [Serve.self, Check.self, Trace.self, Kubectl.self, Lessons.self, QuizMode.self, ProgressTransfer.self, Report.self]
    )

    /// Runs the command; usage errors exit with status 2 (the documented contract), not ArgumentParser's 64.
    static func main() async {
        if let check = CheckInvocation(plainCheck: Array(CommandLine.arguments.dropFirst())) {
            // A plain `check FILE...` skips ArgumentParser's root parse (reflection over every command) and the usage
            // text it builds to find an exit status: together they cost more than checking the files.
            do {
                try check.run()
            } catch let status as ExitCode {
                Foundation.exit(status.rawValue)
            } catch {
                exit(withError: error)
            }
            return
        }
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
