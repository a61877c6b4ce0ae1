import ArgumentParser
import Foundation
import ProgressStore

extension KubeTutor {
    /// `kubetutor progress`: moves learners' progress between SQLite files (a laptop and a class server).
    struct ProgressTransfer: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "progress",
            abstract: "Export or import learners' progress as JSON.",
            discussion: """
                Offline work done with kubetutor quiz can be brought to a class server:

                  kubetutor progress export --db ~/.kubetutor/progress.db --learner ana > progress.json
                  kubetutor progress import --db kubetutor.db progress.json

                Importing merges by learner handle and is idempotent: importing the same file \
                twice changes nothing the second time.
                """,
            subcommands: [Export.self, Import.self]
        )
    }
}

extension KubeTutor.ProgressTransfer {
    /// `kubetutor progress export`: writes one learner's (or everyone's) progress as JSON to standard output.
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write progress as JSON to standard output.",
            discussion: "Exit status: 0 written; 1 no such learner or the database failed; 2 usage."
        )

        @Option(name: .customLong("db"), help: ArgumentHelp("The SQLite progress file to read.", valueName: "path"))
        var databasePath: String

        @Option(name: .long, help: ArgumentHelp("Export only this learner (by handle); everyone by default.", valueName: "name"))
        var learner: String?

        func validate() throws {
            guard FileManager.default.fileExists(atPath: databasePath) else {
                throw ValidationError("--db \(databasePath): no such file")
            }
        }

        func run() async throws {
            do {
                let store = try SQLiteProgressStore(path: databasePath)
                defer { try? store.close() }
                let export = try await store.exportProgress(handle: learner)
                FileHandle.standardOutput.write(try export.jsonData() + Data("\n".utf8))
            } catch let error as ProgressStoreError {
                FileHandle.standardError.write(Data("kubetutor progress export: \(error.message)\n".utf8))
                throw ExitCode(1)
            }
        }
    }

    /// `kubetutor progress import`: merges an export into a database, by learner handle.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Merge a JSON export into a progress database (idempotent).",
            discussion: "Exit status: 0 merged (or nothing to do); 1 the file is not an export or the database failed; 2 usage."
        )

        @Option(name: .customLong("db"), help: ArgumentHelp("The SQLite progress file to merge into (created if missing).", valueName: "path"))
        var databasePath: String

        @Argument(help: ArgumentHelp("The export to read; - reads standard input.", valueName: "file"))
        var file: String

        func run() async throws {
            let data: Data
            if file == "-" {
                data = FileHandle.standardInput.readDataToEndOfFile()
            } else {
                guard let contents = FileManager.default.contents(atPath: file) else {
                    FileHandle.standardError.write(Data("kubetutor progress import: \(file): no such file\n".utf8))
                    throw ExitCode(2)
                }
                data = contents
            }
            do {
                let export = try ProgressExport(jsonData: data)
                let store = try SQLiteProgressStore(path: databasePath)
                defer { try? store.close() }
                let summary = try await store.importProgress(export)
                if summary.changedNothing {
                    print("Nothing new: \(file) was already merged into \(databasePath).")
                } else {
                    print(
                        "Merged into \(databasePath): \(summary.learnersAdded) learners, \(summary.classesAdded) classes, "
                            + "\(summary.attemptsAdded) attempts, \(summary.quizAnswersAdded) quiz answers, "
                            + "\(summary.exerciseOpensAdded) exercise opens, \(summary.completionsAdded) completions added.")
                }
            } catch let error as ProgressStoreError {
                FileHandle.standardError.write(Data("kubetutor progress import: \(error.message)\n".utf8))
                throw ExitCode(1)
            }
        }
    }
}
