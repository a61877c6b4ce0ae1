import ArgumentParser
import ClusterSim
import Foundation

extension KubeTutor {
    /// `kubetutor kubectl`: runs one kubectl command against the simulated cluster.
    struct Kubectl: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "kubectl",
            abstract: "Run a kubectl command against the simulated cluster.",
            discussion: """
                Starts a fresh simulated cluster (nodes master, w1, w2), applies the files given \
                with -f (silently; if they have errors, prints them and exits 2), then runs the \
                kubectl command given after -- and prints what the real kubectl would print.

                Files named inside the command (kubectl apply -f FILE, delete -f FILE) are read \
                from disk too.

                Examples:
                  kubetutor kubectl -f nginx.yaml -- get svc -o wide
                  kubetutor kubectl -f app.yaml -- exec client -- curl -s http://web
                  kubetutor kubectl -- apply -f app.yaml

                Exit status: the kubectl command's (0 success, 1 kubectl error, the remote \
                command's status for exec); 2 when the -f files have errors or cannot be read.
                """
        )

        @Option(name: [.customShort("f"), .long], help: "A manifest file to apply first (repeatable; - reads standard input).")
        var file: [String] = []

        @Argument(parsing: .postTerminator, help: "The kubectl command, after --.")
        var command: [String] = []

        func validate() throws {
            if command.isEmpty {
                throw ValidationError("Give the kubectl command after --, e.g. kubetutor kubectl -f app.yaml -- get pods -o wide.")
            }
        }

        func run() async throws {
            let inputs = try ManifestFile.readAll(file, command: "kubectl")
            var files: [String: [UInt8]] = [:]
            for input in inputs { files[input.name] = input.bytes }
            // Files the command itself names are readable too.
            for name in Self.filesNamed(in: command) where files[name] == nil && name != "-" {
                if let bytes = try? ManifestFile.read(name) { files[name] = bytes }
            }
            var kubectl = ClusterSim.Kubectl(files: files)

            // Apply the -f files first, silently; errors stop everything.
            let report = ManifestChecker().check(files: inputs)
            if !report.ok {
                FileHandle.standardError.write(Data(("The manifests have errors; fix them first:\n" + TextReport.render(report)).utf8))
                throw ExitCode(2)
            }
            for input in inputs {
                let output = kubectl.run(arguments: ["apply", "-f", input.name])
                if output.exitCode != 0 {
                    FileHandle.standardError.write(Data(("The manifests could not be applied:\n" + output.stderr).utf8))
                    throw ExitCode(2)
                }
            }

            let output = kubectl.run(arguments: command)
            FileHandle.standardOutput.write(Data(output.stdout.utf8))
            FileHandle.standardError.write(Data(output.stderr.utf8))
            if output.exitCode != 0 { throw ExitCode(output.exitCode) }
        }

        /// The values of `-f`/`--filename` inside a kubectl command (before any `--`).
        static func filesNamed(in command: [String]) -> [String] {
            var names: [String] = []
            var index = 0
            while index < command.count {
                let word = command[index]
                index += 1
                if word == "--" { break }
                if word == "-f" || word == "--filename", index < command.count {
                    names.append(command[index])
                    index += 1
                } else if word.hasPrefix("--filename=") {
                    names.append(String(word.dropFirst("--filename=".count)))
                } else if word.hasPrefix("-f"), word.count > 2, !word.hasPrefix("--") {
                    names.append(String(word.dropFirst(word.hasPrefix("-f=") ? 3 : 2)))
                }
            }
            return names
        }
    }
}
