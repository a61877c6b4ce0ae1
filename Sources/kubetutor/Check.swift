import ArgumentParser
import ClusterSim
import Foundation

extension KubeTutor {
    /// `kubetutor check`: reads manifests and answers as the API server would, with lines and explanations.
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check Kubernetes YAML the way the API server would.",
            discussion: """
                Reads each FILE (use - for standard input), splits it into YAML documents and \
                checks every object: YAML syntax, unknown fields and wrong types (kubectl's strict \
                decoding), then the API server's validation rules, with the exact message, the \
                file:line:column and what to change.

                Exit status: 0 no errors (warnings allowed), 1 errors found, 2 usage or I/O problem.
                """
        )

        /// Output formats.
        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        @Option(name: .long, help: "Output format: text (like kubectl, with file:line:col) or json.")
        var format: Format = .text

        @Argument(help: "Manifest files to check; - reads standard input.")
        var files: [String] = []

        /// `make bench`: checks the files this many times in this process and prints the time per object instead of the report.
        @Option(name: .customLong("bench-iterations"), help: .hidden)
        var benchIterations: Int?

        func validate() throws {
            if files.isEmpty {
                throw ValidationError("Give at least one manifest file (or - for standard input).")
            }
            if let benchIterations, benchIterations < 5 {
                throw ValidationError("--bench-iterations needs at least 5 (five timed runs of a fifth each).")
            }
        }

        func run() async throws {
            try CheckInvocation(files: files, format: format, benchIterations: benchIterations).run()
        }
    }
}

/// What `kubetutor check` was asked to do, and doing it: the command's work, apart from parsing its arguments.
struct CheckInvocation {
    var files: [String]
    var format: KubeTutor.Check.Format
    var benchIterations: Int?

    /// Checks the files and prints the report; exits through `ExitCode(1)` when it has errors, `ExitCode(2)` when a file
    /// cannot be read.
    func run() throws {
        let inputs = try ManifestFile.readAll(files, command: "check")
        if let benchIterations {
            return CheckBenchmark(inputs: inputs, iterations: benchIterations).run()
        }
        let report = ManifestChecker().checkAndSimulate(files: inputs).report
        switch format {
        case .json:
            print(report.jsonText)
        case .text:
            print(TextReport.render(report), terminator: "")
        }
        if !report.ok { throw ExitCode(1) }
    }
}

extension CheckInvocation {
    /// The invocation for a plain `check FILE... [--format text|json]` command line (the arguments after the program
    /// name), read without ArgumentParser, whose root parse costs a one-shot check a few milliseconds; nil for
    /// anything else (help, another option, `--`, a repeated `--format`, a value ArgumentParser would refuse, no
    /// file), which ArgumentParser then reads, with its own messages and exit statuses.
    ///
    /// What it accepts, ArgumentParser reads the same way: a file is `-` or any non-empty argument not starting with `-`.
    init?(plainCheck arguments: [String]) {
        guard arguments.first == "check" else { return nil }
        var files: [String] = []
        var format: KubeTutor.Check.Format?
        var rest = arguments.dropFirst()
        while let argument = rest.popFirst() {
            if argument == "-" || (!argument.isEmpty && !argument.hasPrefix("-")) {
                files.append(argument)
                continue
            }
            guard format == nil else { return nil }
            let value: String?
            if argument == "--format" {
                value = rest.popFirst()
            } else if argument.hasPrefix("--format=") {
                value = String(argument.dropFirst("--format=".count))
            } else {
                return nil
            }
            guard let value, let known = KubeTutor.Check.Format(rawValue: value) else { return nil }
            format = known
        }
        guard !files.isEmpty else { return nil }
        self.init(files: files, format: format ?? .text, benchIterations: nil)
    }
}

/// `kubetutor check --bench-iterations N FILE...`: the same reading, validation and simulation as `check`, N times in
/// this process (five timed runs of N/5, the best kept), printed as microseconds per object. `make bench` reads the line.
struct CheckBenchmark {
    let inputs: [(name: String, bytes: [UInt8])]
    let iterations: Int

    func run() {
        let checker = ManifestChecker()
        let objects = checker.checkAndSimulate(files: inputs).report.objects.count
        let perRun = iterations / 5
        let clock = ContinuousClock()
        var best = Duration.seconds(1_000_000)
        var sink = 0
        for _ in 0..<5 {
            let elapsed = clock.measure {
                for _ in 0..<perRun { sink &+= checker.checkAndSimulate(files: inputs).report.diagnostics.count }
            }
            best = min(best, elapsed)
        }
        let seconds = Double(best.components.seconds) + Double(best.components.attoseconds) / 1e18
        let perObject = seconds * 1e6 / Double(perRun * max(objects, 1))
        print(String(format: "%.1f µs per object (%d objects in %d files, %d runs, best of 5; %d diagnostics)", perObject, objects,
                     inputs.count, perRun, sink / (5 * perRun)))
    }
}

/// Reads a manifest file with a clear message for each way that can fail.
enum ManifestFile {
    /// Reads every named file (`-` is standard input, read once); an unreadable file ends the command with status 2.
    static func readAll(_ files: [String], command: String) throws -> [(name: String, bytes: [UInt8])] {
        var inputs: [(name: String, bytes: [UInt8])] = []
        var readStdin = false
        for file in files {
            do {
                if file == "-" {
                    guard !readStdin else { continue }
                    readStdin = true
                    inputs.append((file, try readStandardInput()))
                } else {
                    inputs.append((file, try read(file)))
                }
            } catch {
                FileHandle.standardError.write(Data("kubetutor \(command): \(error.message)\n".utf8))
                throw ExitCode(2)
            }
        }
        return inputs
    }

    /// Why a file could not be read.
    struct ReadError: Error {
        let message: String
    }

    /// The file's bytes; refuses directories and files over the size cap before reading them.
    ///
    /// Straight POSIX calls: FileManager and FileHandle cost a one-shot `check` of the corpus more than its reading. They
    /// decide alike: `stat` is what `fileExists` asks (following a symbolic link), `open` what `FileHandle` does.
    static func read(_ path: String) throws(ReadError) -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw ReadError(message: "\(path): no such file")
        }
        if info.st_mode & S_IFMT == S_IFDIR { throw ReadError(message: "\(path): is a directory, not a manifest file") }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw ReadError(message: "\(path): permission denied")
        }
        defer { close(descriptor) }
        guard let bytes = readUpToCap(descriptor) else { return try readThroughFileHandle(path) }
        return bytes
    }

    /// Standard input, up to the size cap like a file. A folder or a stream that cannot be read is refused with a
    /// message (FileHandle's `readDataToEndOfFile` trapped on `check - < folder`).
    static func readStandardInput() throws(ReadError) -> [UInt8] {
        var info = stat()
        if fstat(STDIN_FILENO, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            throw ReadError(message: "-: standard input is a directory, not a manifest file")
        }
        guard let bytes = readUpToCap(STDIN_FILENO) else {
            throw ReadError(message: "-: standard input cannot be read: \(String(cString: strerror(errno)))")
        }
        return bytes
    }

    /// Everything `descriptor` gives up to one byte past the size cap (so that the checker can name the limit without
    /// reading a huge file whole); nil when `read(2)` fails, with `errno` saying why.
    private static func readUpToCap(_ descriptor: Int32) -> [UInt8]? {
        let cap = ReadLimits.standard.maxFileBytes + 1
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64 * 1024) { chunk in
            var bytes: [UInt8] = []
            while bytes.count < cap {
                let count = readBytes(descriptor, chunk.baseAddress, min(chunk.count, cap - bytes.count))
                if count == 0 { break }
                if count < 0 {
                    if errno == EINTR { continue }
                    return nil
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[..<count]))
            }
            return bytes
        }
    }

    /// Reads a file that failed to read with `read(2)` again through FileHandle, whose error (if it fails again) names
    /// the problem in Foundation's words, as `check` always has.
    private static func readThroughFileHandle(_ path: String) throws(ReadError) -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ReadError(message: "\(path): permission denied")
        }
        defer { try? handle.close() }
        do {
            let data = try handle.read(upToCount: ReadLimits.standard.maxFileBytes + 1) ?? Data()
            return Array(data)
        } catch {
            throw ReadError(message: "\(path): \(error.localizedDescription)")
        }
    }
}

/// `read(2)`, under a name that `ManifestFile.read(_:)` does not hide.
private func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.read(descriptor, buffer, count)
    #else
    Darwin.read(descriptor, buffer, count)
    #endif
}

/// The text form of a report: kubectl's lines with a file:line:col prefix, then the explanation.
enum TextReport {
    static func render(_ report: CheckReport) -> String {
        var out = ""
        for d in report.diagnostics {
            let lines = Self.lines(of: d.kubectlText)
            out += "\(d.file):\(d.line):\(d.column): \(lines.first ?? "")\n"
            for line in lines.dropFirst() { out += "    \(line)\n" }
            for line in Self.lines(of: d.explanation) {
                out += "    \(line)\n"
            }
        }
        let files = Set(report.objects.map(\.file)).union(report.diagnostics.map(\.file)).count
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        out += "\(plural(report.objects.count, "object")) in \(plural(files, "file")): "
        out += report.errorCount == 0 ? "no errors" : plural(report.errorCount, "error")
        out += ", " + plural(report.warningCount, "warning") + "\n"
        return out
    }

    /// The text's lines; most messages are one line, which needs no walk over its Characters.
    private static func lines(of text: String) -> [Substring] {
        if !text.utf8.contains(UInt8(ascii: "\n")) { return [text[...]] }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
    }
}
